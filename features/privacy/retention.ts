import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { eraseSteps, removeErasedObject } from '@/features/privacy/erasure';
import { retentionDays } from '@/features/privacy/retention-days';
import type { ResumeStore } from '@/features/resumes/store';
import { DAY_MS } from '@/lib/days';

/**
 * Anonymises every application whose status has been final (hired, rejected, withdrawn) for longer than
 * the retention period, with its resume, as the privacy notice promises. A batch at a time, each in a
 * transaction of its own; audited without the data.
 */
export async function applyRetention({
  database,
  store,
  now = Date.now(),
  days = retentionDays(),
}: {
  database: Database;
  store: ResumeStore;
  now?: number;
  days?: number;
}): Promise<number> {
  const { db, t } = database;
  const a = t.applications;
  const cutoff = new Date(now - days * DAY_MS);
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: a.id })
      .from(a)
      .where(and(isNull(a.erasedAt), lt(a.decidedAt, cutoff)))
      .orderBy(asc(a.decidedAt))
      .limit(100);
    if (due.length === 0) return erased;
    for (const { id } of due) {
      const done = await eraseIfStillDue({ database, id, cutoff, now, days });
      await removeErasedObject({ store, erased: done });
      if (done) erased++;
    }
  }
}

/**
 * One application the batch found due, erased only if it still is once its lock is held: a manager may have
 * moved it back out of its final status (the retention clock stops) since the batch was read, and the lock
 * makes that move and this erasure one after the other, never both on a stale reading.
 */
export async function eraseIfStillDue({
  database,
  id,
  cutoff,
  now,
  days,
}: {
  database: Database;
  id: number;
  cutoff: Date;
  now: number;
  days: number;
}) {
  const { t } = database;
  const a = t.applications;
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, `application:${id}`);
    const still = yield* one(
      tx
        .select({ id: a.id })
        .from(a)
        .where(and(eq(a.id, id), isNull(a.erasedAt), lt(a.decidedAt, cutoff))),
    );
    if (!still) return null;
    const result = yield* eraseSteps({ tx, t, id, now, notify: false });
    if (result)
      yield* run(
        auditEntry({
          db: tx,
          t,
          entry: { actorEmail: 'retention', action: 'erased', applicationId: id, detail: `after ${days} days` },
          now,
        }),
      );
    return result;
  });
}
