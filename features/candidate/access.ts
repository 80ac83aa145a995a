import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hitRateLimit, mailboxKey } from '@/db/rate-limit';
import { alertRateLimitKeys } from '@/features/alerts/signup';
import { endEverywhere, revokeLinks } from '@/features/candidate/links';
import { emailKey } from '@/features/mail/email-key';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeCandidate, type CandidateContext } from './context';

// A few links an hour to one address at most, so nobody can fill a stranger's mailbox. Counted under a keyed
// hash of the address (the site's secret): a plain hash in the rate-limit table would let anyone holding the
// database confirm a guessed address. Erasure drops the row with the person.
const PER_MAILBOX = { limit: 3, windowMs: 60 * 60 * 1000 };

/** The rate-limit rows that name an address (its access links', its job alerts'), for erasure to drop. */
export const addressRateLimitKeys = (key: string) => [mailboxKey('access', key), ...alertRateLimitKeys(key)];

/** Emails a fresh private link to the address, if it has applications (the caller's answer does not say). */
export async function requestAccessLink({
  database,
  email,
  now = Date.now(),
}: {
  database: Database;
  email: string;
  now?: number;
}): Promise<boolean> {
  const { db, t } = database;
  const key = emailKey(email);
  const [mailbox] = addressRateLimitKeys(key);
  if ((await hitRateLimit({ database, key: mailbox!, policy: PER_MAILBOX, now })) > 0) return false;
  const [application] = await db
    .select({ id: t.applications.id, email: t.applications.email })
    .from(t.applications)
    .where(and(eq(t.applications.emailKey, key), isNull(t.applications.erasedAt)))
    .limit(1);
  if (!application) return false;
  // Only the newest link works: one forwarded or left in an old mailbox stops when the candidate asks again.
  await revokeLinks({ database, emailKey: key });
  await queueMail({ db, t, mail: mail('access_link', application.email, {}), now });
  return true;
}

/** Ends every session and private link of the signed-in candidate's address, this one included. */
export async function signOutEverywhere(context?: CandidateContext): Promise<void> {
  const { database, candidate } = await authorizeCandidate(context);
  await endEverywhere({ database, emailKey: candidate.emailKey });
}
