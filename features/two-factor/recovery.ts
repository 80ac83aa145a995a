import crypto from 'node:crypto';

// Ten one-time codes for when the phone is lost: 60 random bits each, written `xxxx-xxxx-xxxx` in an alphabet
// without look-alikes. Only their SHA-256 is kept (they are too long to guess, and throttled like passwords).

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

function one(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, one);

/** What is compared: lower case, without the dashes and spaces people type or leave out. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z0-9]{12}$/.test(code) ? code : null;
}

export const hashRecoveryCode = (normalised: string): string =>
  crypto.createHash('sha256').update(`recovery\n${normalised}`).digest('hex');
