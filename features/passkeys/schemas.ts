import { z } from 'zod';

// What the browser sends about passkeys. The name is the member's; the ceremony's answers come from the
// browser's WebAuthn API through @simplewebauthn/browser and are checked for shape here (sizes capped, so a
// hostile body is refused before any decoding), and for meaning by @simplewebauthn/server.

export const PASSKEY_NAME_MAX = 60;

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
type Transport = (typeof TRANSPORTS)[number];

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the passkey a name, such as the device or password manager that holds it.')
  .max(PASSKEY_NAME_MAX, `A passkey's name is at most ${PASSKEY_NAME_MAX} characters.`);

const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);

const common = {
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.looseObject({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

/** navigator.credentials.create()'s answer, as JSON. */
export const registrationSchema = z.object({
  ...common,
  response: z.looseObject({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(20000),
    // What the authenticator can be reached by; names a browser adds later are dropped, not refused.
    transports: z
      .array(z.string().max(20))
      .max(10)
      .optional()
      .transform((list) => list?.filter((name): name is Transport => (TRANSPORTS as readonly string[]).includes(name))),
  }),
});

/** navigator.credentials.get()'s answer, as JSON. */
export const assertionSchema = z.object({
  ...common,
  response: z.looseObject({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(4000),
    signature: b64url(2000),
    userHandle: b64url(200).optional(),
  }),
});
