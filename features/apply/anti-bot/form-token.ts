import 'server-only';
import { sign, verify } from '@/lib/security/hmac';

// A signed timestamp of when the candidate started the form: bots that submit faster than a person can
// type are dropped quietly, and they cannot forge an older time without the key.

/** A token older than this proves nothing any more (it could be one kept for replaying). */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function issueFormToken(now = Date.now()): string {
  const payload = String(now);
  return `${payload}.${sign('form-token', payload)}`;
}

export type FormTokenReading =
  { state: 'missing' } | { state: 'forged' } | { state: 'expired' } | { state: 'valid'; ageMs: number };

/** What a submitted token says: nothing (absent or too old), a forgery, or how long ago the form was started. */
export function readFormToken(token: unknown, now = Date.now()): FormTokenReading {
  if (token === null || token === undefined || token === '') return { state: 'missing' };
  if (typeof token !== 'string') return { state: 'forged' };
  const [payload, signature] = token.split('.');
  if (!payload || !/^\d{1,15}$/.test(payload) || !verify('form-token', payload, signature)) return { state: 'forged' };
  const ageMs = now - Number(payload);
  return ageMs > FORM_TOKEN_MAX_AGE_MS ? { state: 'expired' } : { state: 'valid', ageMs };
}
