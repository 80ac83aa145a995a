import { and, asc, eq, lte } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { all, exclusive, one, run, transaction } from '@/db/transaction';
import { queueMail } from '@/features/mail/outbox';
import { DAY_MS } from '@/lib/days';
import { matches } from './filters';
import { announcedSince, dueDigests } from './subscriptions';

/**
 * The weekly digest: each confirmed weekly alert whose week is up gets one email of the postings announced
 * since its last digest that match it (none, no email), and its week starts again. Under the alert's lock, and
 * read again under it, so two workers never send one week twice. Returns how many digests were queued.
 */
export async function queueDigests({
  database,
  now = Date.now(),
}: {
  database: Database;
  now?: number;
}): Promise<number> {
  const { t } = database;
  const s = t.alertSubscriptions;
  const a = t.postingAnnouncements;
  let queued = 0;
  for (;;) {
    const due = await transaction(database, (tx) => dueDigests({ tx, t, now }));
    if (due.length === 0) return queued;
    for (const { id } of due) {
      const sent = await transaction(database, function* (tx) {
        yield* exclusive(database, tx, `alert:${id}`);
        const alert = yield* one(tx.select().from(s).where(eq(s.id, id)));
        const since = alert?.lastDigestAt;
        if (!alert || !alert.confirmedAt || !since || since.getTime() > now - 7 * DAY_MS) return false;
        const week = yield* all(
          tx
            .select()
            .from(a)
            .where(and(announcedSince(t, since), lte(a.announcedAt, new Date(now))))
            .orderBy(asc(a.announcedAt), asc(a.postingSlug)),
        );
        const postings = week
          .filter((p) => matches(alert, p))
          .map(({ postingSlug, title, location, remote }) => ({ postingSlug, title, location, remote }));
        if (postings.length)
          yield* run(
            queueMail({
              db: tx,
              t,
              mail: { kind: 'alert_digest', to: alert.email, data: { subscriptionId: id, postings } },
              now,
            }),
          );
        yield* run(
          tx
            .update(s)
            .set({ lastDigestAt: new Date(now) })
            .where(eq(s.id, id)),
        );
        return postings.length > 0;
      });
      if (sent) queued++;
    }
  }
}
