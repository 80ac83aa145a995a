import { Secret, TOTP } from 'otpauth';
import { site } from '@/lib/site';

// Codes of an authenticator app (RFC 6238: HMAC-SHA1, six digits, a new one every 30 seconds), by otpauth.
// A code is taken one step either side of now, for a phone's clock a little off; the step it matched is
// returned so the caller can refuse it, and any earlier one, the next time (no code is accepted twice).

const PERIOD = 30;

const totp = (secret: string, account = '') =>
  new TOTP({
    issuer: `${site.shortName} hiring team`,
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

/** A new shared secret, 160 random bits as base32 (what the apps expect). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` address the QR code carries: the app names the entry after the team and the account. */
export const totpUri = (secret: string, account: string): string => totp(secret, account).toString();

/** The secret as a person types it: groups of four. */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Six digits, spaces and dashes left out (apps show `123 456`); anything else is not a code. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** The time step the code belongs to when it is right for `at` (one step either side), else null. */
export function matchTotp({ secret, code, at }: { secret: string; code: string; at: number }): number | null {
  const digits = normaliseCode(code);
  if (!digits) return null;
  const delta = totp(secret).validate({ token: digits, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD) + delta;
}

/** The code the app shows at `at`: for tests, which play the phone. */
export const totpCode = ({ secret, at }: { secret: string; at: number }): string =>
  totp(secret).generate({ timestamp: at });
