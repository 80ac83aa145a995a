import crypto from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

// A passkey authenticator in software, for unit tests of the server side: it makes real P-256 keys and signs
// what a browser's authenticator would (WebAuthn level 3, attestation "none"), so @simplewebauthn/server checks
// real signatures. The browser side is tested in Playwright through Chromium's virtual authenticator.

type Credential = { id: string; key: crypto.KeyObject; counter: number; userHandle: string; rpId: string };

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest();

/** UP (user present), UV (user verified), AT (attested credential data follows). */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export function softwareAuthenticator({ origin, verifiesUser = true }: { origin: string; verifiesUser?: boolean }) {
  const credentials: Credential[] = [];
  const clientData = (type: string, challenge: string, at = origin) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }));
  const flags = (extra = 0) => UP | (verifiesUser ? UV : 0) | extra;
  const counterBytes = (n: number) => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(n);
    return bytes;
  };

  return {
    credentials,
    /** navigator.credentials.create(): a new key pair for the options' RP and user. */
    create(options: PublicKeyCredentialCreationOptionsJSON, { at = origin } = {}): RegistrationResponseJSON {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const cose = new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]);
      const id = crypto.randomBytes(16);
      const rpId = options.rp.id!;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(AT)]),
        counterBytes(0),
        Buffer.alloc(16), // AAGUID: none
        idLength,
        id,
        Buffer.from(isoCBOR.encode(cose)),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', new Uint8Array(authData)],
        ]) as never,
      );
      credentials.push({ id: b64(id), key: privateKey, counter: 0, userHandle: options.user.id, rpId });
      return {
        id: b64(id),
        rawId: b64(id),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge, at)),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
      };
    },
    /** navigator.credentials.get(): a signature by the chosen (or first allowed) credential. */
    get(
      options: PublicKeyCredentialRequestOptionsJSON,
      { credentialId, at = origin }: { credentialId?: string; at?: string } = {},
    ): AuthenticationResponseJSON {
      const allowed = options.allowCredentials?.map((c) => c.id);
      const credential = credentials.find((c) =>
        credentialId ? c.id === credentialId : !allowed?.length || allowed.includes(c.id),
      );
      if (!credential) throw new Error('no passkey for this sign-in');
      credential.counter += 1;
      const authData = Buffer.concat([
        sha256(credential.rpId),
        Buffer.from([flags()]),
        counterBytes(credential.counter),
      ]);
      const data = clientData('webauthn.get', options.challenge, at);
      const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(data)]), credential.key);
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64(data),
          authenticatorData: b64(authData),
          signature: b64(signature),
          userHandle: credential.userHandle,
        },
      };
    },
  };
}
