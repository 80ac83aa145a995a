import 'server-only';
import type { Database } from '@/db/database';
import { hitRateLimit } from '@/db/rate-limit';
import { emailKey } from '@/features/mail/email-key';
import { sign } from '@/lib/security/hmac';
import { alertSignupSchema } from './schema';
import { subscribe } from './subscriptions';

// Sign-ups are limited per network (someone filling the form in a loop) and per address (someone signing a
// stranger up again and again): each over its limit is told to wait, whoever the address belongs to. The
// address's window is counted under a keyed hash, as the candidate's access links are.
const PER_NETWORK = { limit: 20, windowMs: 60 * 60 * 1000 };
const PER_MAILBOX = { limit: 5, windowMs: 60 * 60 * 1000 };

/** The rate-limit rows that name an address, for erasure to drop. */
export const alertRateLimitKeys = (key: string) => [`alerts-mailbox:${sign('rate-limit-alerts', key)}`];

export type SignupResult = { ok: true } | { ok: false; error: 'email' | 'form' } | { ok: false; wait: number };

/** Checks the form, counts it against the limits, and asks for the alert (its confirmation email is queued). */
export async function signUp({
  database,
  fields,
  client,
  now = Date.now(),
}: {
  database: Database;
  fields: Record<string, string> | null;
  client: string;
  now?: number;
}): Promise<SignupResult> {
  const parsed = fields ? alertSignupSchema.safeParse(fields) : null;
  if (!parsed?.success) {
    // A form that does not parse at all (a repeated field) is the form's fault; a bad address is the person's.
    const emailIssue = parsed?.error.issues.some((issue) => issue.path[0] === 'email');
    return { ok: false, error: emailIssue ? 'email' : 'form' };
  }
  const network = await hitRateLimit({ database, key: `alerts:${client}`, policy: PER_NETWORK, now });
  if (network > 0) return { ok: false, wait: network };
  const [mailbox] = alertRateLimitKeys(emailKey(parsed.data.email));
  const address = await hitRateLimit({ database, key: mailbox!, policy: PER_MAILBOX, now });
  if (address > 0) return { ok: false, wait: address };
  const { email, ...choice } = parsed.data;
  await subscribe({ database, email, choice, now });
  return { ok: true };
}
