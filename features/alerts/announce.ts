import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { all, one, run, transaction } from '@/db/transaction';
import { queueMail } from '@/features/mail/outbox';
import type { Announced } from './filters';

/** One posting as a job alert's email lists it. */
export type AlertPosting = Pick<Announced, 'postingSlug' | 'title' | 'location' | 'remote'>;

const listed = (p: Announced): AlertPosting => ({
  postingSlug: p.postingSlug,
  title: p.title,
  location: p.location,
  remote: p.remote,
});

/**
 * Announces each open posting not announced before: records it, and in the same transaction queues one email
 * to each confirmed instant alert it matches. The record is the posting's key, so whichever instance's insert
 * lands announces it, once ever: a redeploy, a restart, an edit or a second worker finds the row and queues
 * nothing. Weekly alerts read the records later (features/alerts/digest.ts). Returns the slugs announced.
 */
export async function announceNewPostings({
  database,
  postings,
  now = Date.now(),
}: {
  database: Database;
  postings: Announced[];
  now?: number;
}): Promise<string[]> {
  const { db, t } = database;
  const known = new Set(
    (await db.select({ slug: t.postingAnnouncements.postingSlug }).from(t.postingAnnouncements)).map((r) => r.slug),
  );
  const announced: string[] = [];
  for (const posting of postings.filter((p) => !known.has(p.postingSlug))) {
    const won = await transaction(database, function* (tx) {
      const inserted = yield* one(
        tx
          .insert(t.postingAnnouncements)
          .values({ ...posting, announcedAt: new Date(now) })
          .onConflictDoNothing()
          .returning({ slug: t.postingAnnouncements.postingSlug }),
      );
      if (!inserted) return false;
      const s = t.alertSubscriptions;
      const subscribers = yield* all(
        tx
          .select({ id: s.id, email: s.email })
          .from(s)
          .where(
            and(
              eq(s.frequency, 'instant'),
              isNotNull(s.confirmedAt),
              or(isNull(s.category), eq(s.category, posting.category)),
              posting.department === null
                ? isNull(s.department)
                : or(isNull(s.department), eq(s.department, posting.department)),
              posting.location === null ? isNull(s.location) : or(isNull(s.location), eq(s.location, posting.location)),
              posting.remote ? undefined : eq(s.remoteOnly, false),
            ),
          )
          .orderBy(s.id),
      );
      for (const subscriber of subscribers)
        yield* run(
          queueMail({
            db: tx,
            t,
            mail: {
              kind: 'job_alert',
              to: subscriber.email,
              data: { subscriptionId: subscriber.id, postings: [listed(posting)] },
            },
            now,
          }),
        );
      return true;
    });
    if (won) announced.push(posting.postingSlug);
  }
  return announced;
}

/** ALERTS_ANNOUNCE_SECONDS (default 60): how often the worker reads the postings for new ones. */
export function announceMsFromEnv(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 60_000;
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw new Error(`ALERTS_ANNOUNCE_SECONDS must be a number of seconds from above 0 to 86400; got "${setting}"`);
  return seconds * 1000;
}
