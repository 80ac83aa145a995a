import crypto from 'node:crypto';
import { appSecret } from '@/lib/security/app-secret';

// A job alert's links (confirm, manage, unsubscribe) carry `<id>.<mac>`: an HMAC of the subscription's id and
// nonce under APP_SECRET. Nothing secret is stored, every email the worker sends can carry the link again, and a
// new nonce (or the row gone) voids every link sent before. Signed here, not in lib/security/hmac.ts, because
// the worker runs outside Next, where `server-only` throws.

const mac = (id: number, nonce: string) =>
  crypto.createHmac('sha256', appSecret()).update(`job-alert\n${id}:${nonce}`).digest('base64url');

export const newNonce = () => crypto.randomBytes(16).toString('base64url');

export function alertToken(id: number, nonce: string): string {
  return `${id}.${mac(id, nonce)}`;
}

/** The id a token claims, before its row is read; null for anything not shaped like a token. */
export function tokenId(token: string | null | undefined): number | null {
  const match = /^([1-9]\d{0,9})\.[A-Za-z0-9_-]{43}$/.exec(token ?? '');
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}

/** Whether the token is the one for this row, compared in constant time. */
export function tokenMatches(token: string, id: number, nonce: string): boolean {
  const expected = Buffer.from(alertToken(id, nonce));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
