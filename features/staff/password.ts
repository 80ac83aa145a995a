import crypto from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

// scrypt at N = 2^17, r = 8, p = 1 (OWASP's recommendation); it needs 128 MiB, above Node's 32 MiB default.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const MAXMEM = 256 * 1024 * 1024;

type Params = { N: number; r: number; p: number };

function scrypt(password: string, salt: Buffer, length: number, params: Params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, length, { ...params, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, base64url; the parameters are stored so they can be raised later. */
export async function hashPassword(password: string, params: Params = PARAMS): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Compares in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.params);
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than today's, so it should be replaced at sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N < PARAMS.N || parsed.params.r < PARAMS.r || parsed.params.p < PARAMS.p;
}

// An unknown email still costs one scrypt, so response time does not reveal which accounts exist.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
}

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Why a new password cannot be used, or null. A line break or another control character is refused: no
 * sign-in form can send one, so the account could never be used (a pipe of two lines made such a password).
 */
export function passwordProblem(password: string): string | null {
  if (password === '') return 'The password is empty';
  if (CONTROL.test(password))
    return 'The password must be one line, without line breaks, tabs or other control characters';
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return 'The password is too long';
  return null;
}
