import crypto from 'node:crypto';
import { sign, verify } from '@/lib/security/hmac';

// A job alert's links (confirm, manage, unsubscribe) carry `<id>.<signature>`: the subscription's id and nonce
// signed with APP_SECRET. Nothing secret is stored, every email the worker sends can carry the link again, and a
// new nonce (or the row gone) voids every link sent before.

const PURPOSE = 'job-alert';

export const newNonce = () => crypto.randomBytes(16).toString('base64url');

export function alertToken(id: number, nonce: string): string {
  return `${id}.${sign(PURPOSE, `${id}:${nonce}`)}`;
}

/** The id a token claims, before its row is read; null for anything not shaped like a token. */
export function tokenId(token: string | null | undefined): number | null {
  const match = /^([1-9]\d{0,9})\.[A-Za-z0-9_-]{43}$/.exec(token ?? '');
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}

/** Whether the token is the one for this row, compared in constant time. */
export function tokenMatches(token: string, id: number, nonce: string): boolean {
  const [claimed, signature] = token.split('.');
  return claimed === String(id) && verify(PURPOSE, `${id}:${nonce}`, signature);
}
