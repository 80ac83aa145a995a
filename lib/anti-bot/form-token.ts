import 'server-only';
import { sign, verify } from '@/lib/security/hmac';

// A signed timestamp of when the candidate started the form: bots that submit faster than a person can
// type are dropped quietly, and they cannot forge an older time without the key.

export function issueFormToken(now = Date.now()): string {
  const payload = String(now);
  return `${payload}.${sign('form-token', payload)}`;
}

/** Milliseconds since the token was issued, or null when it is missing, malformed or forged. */
export function formTokenAge(token: unknown, now = Date.now()): number | null {
  if (typeof token !== 'string') return null;
  const [payload, signature] = token.split('.');
  if (!payload || !/^\d{1,15}$/.test(payload) || !verify('form-token', payload, signature)) return null;
  return now - Number(payload);
}
