import crypto from 'node:crypto';
import { appSecret } from './app-secret';

// Every value the server or the worker signs and later trusts goes through here (no `server-only`: the worker,
// outside Next, signs job alerts' links; ESLint keeps lib/security out of client components). The purpose is signed with the payload,
// so a signature made for one use (a form's start time) is never valid for another (a request stamp).

export function sign(purpose: string, payload: string): string {
  return crypto.createHmac('sha256', appSecret()).update(`${purpose}\n${payload}`).digest('base64url');
}

/** Compares in constant time; a missing or malformed signature is simply not valid. */
export function verify(purpose: string, payload: string, signature: string | null | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
