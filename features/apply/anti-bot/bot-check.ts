import 'server-only';
import { HONEYPOT_FIELD, STARTED_AT_FIELD } from './fields';
import { readFormToken } from './form-token';

/** Humans take longer than this to fill the form in; faster submissions are bots and are dropped quietly. */
const DEFAULT_MIN_FILL_MS = 3_000;

/** APPLY_MIN_FILL_MS overrides it, so end-to-end tests need not wait like a person. */
export function minFillMs(setting = process.env.APPLY_MIN_FILL_MS): number {
  const value = Number(setting);
  return setting && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MIN_FILL_MS;
}

/** Honeypot filled, or a signed start time younger than a person could type the form, or a forged one. */
export function looksLikeBot(form: FormData, now = Date.now(), minFill = minFillMs()): boolean {
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === 'string' && honeypot !== '') return true;
  const token = readFormToken(form.get(STARTED_AT_FIELD), now);
  // Without JavaScript the static page carries no token; those submissions, and those whose token is too old
  // to prove anything, rely on the honeypot.
  if (token.state === 'missing' || token.state === 'expired') return false;
  return token.state === 'forged' || token.ageMs < minFill;
}
