import 'server-only';
import crypto from 'node:crypto';
import { appSecret } from './secret';

// A signed timestamp of when the candidate started the form: bots that submit faster than a person can
// type are dropped quietly, and they cannot forge an older time without the key.

function sign(payload: string): string {
  return crypto.createHmac('sha256', appSecret()).update(payload).digest('base64url');
}

export function issueFormToken(now = Date.now()): string {
  const payload = String(now);
  return `${payload}.${sign(payload)}`;
}

/** Milliseconds since the token was issued, or null when it is missing, malformed or forged. */
export function formTokenAge(token: unknown, now = Date.now()): number | null {
  if (typeof token !== 'string') return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature || !/^\d{1,15}$/.test(payload)) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return now - Number(payload);
}
