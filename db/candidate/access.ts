import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { queueMail } from '@/db/outbox';
import { hitRateLimit } from '@/db/rate-limit';
import { emailKey } from '@/lib/email-key';
import { mail } from '@/lib/mail/messages';

// A few links an hour to one address at most, so nobody can fill a stranger's mailbox. Counted by a hash of
// the address: the rate-limit table must not hold addresses.
const PER_MAILBOX = { limit: 3, windowMs: 60 * 60 * 1000 };

/** Emails a fresh private link to the address, if it has applications (the caller's answer does not say). */
export async function requestAccessLink(database: Database, email: string, now = Date.now()): Promise<boolean> {
  const { db, t } = database;
  const key = emailKey(email);
  const mailbox = crypto.createHash('sha256').update(`access:${key}`).digest('hex');
  if ((await hitRateLimit(database, `access-mailbox:${mailbox}`, PER_MAILBOX, now)) > 0) return false;
  const [application] = await db
    .select({ id: t.applications.id, email: t.applications.email })
    .from(t.applications)
    .where(and(eq(t.applications.emailKey, key), isNull(t.applications.erasedAt)))
    .limit(1);
  if (!application) return false;
  await queueMail(db, t, mail('access_link', application.email, {}), now);
  return true;
}
