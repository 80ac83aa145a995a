import crypto from 'node:crypto';

// The secret tokens the site hands out (admin sessions, invitation links, candidates' links and sessions):
// 256 random bits, base64url; only their SHA-256 is stored, so a copy of the database opens nothing.

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A token shaped like ours: 43 base64url characters. Anything else is not looked up at all. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
