import { and, eq, lte, sql } from 'drizzle-orm';
import type { AppDb, Tables } from '@/db/database';
import { all, run, type Steps } from '@/db/transaction';
import { dayOf } from '@/lib/days';
import { PIPELINE_STAGES, type ApplicationStatus } from '@/lib/status';

// Erasure clears an application's source (a personal site's host can name a person), so the dashboard's counts
// move it to the unknown source ('') and drop the rows left at zero: the name goes, the statistics stay. Shared
// by the site and the worker (retention), so no `server-only`.

/** The furthest pipeline stage among the statuses an application has had, as the triggers of migration 0011 count. */
export function furthestStage(statuses: readonly ApplicationStatus[]) {
  const reached = Math.max(0, ...statuses.map((s) => (PIPELINE_STAGES as readonly string[]).indexOf(s)));
  return PIPELINE_STAGES[reached]!;
}

/** Inside the erasure's transaction, before the application's source is cleared. */
export function* forgetSource({
  tx,
  t,
  id,
  application,
}: {
  tx: AppDb;
  t: Tables;
  id: number;
  application: { source: string | null; postingSlug: string; createdAt: Date; status: ApplicationStatus };
}): Steps<void> {
  if (!application.source) return;
  const changes = yield* all(
    tx
      .select({ from: t.statusChanges.fromStatus, to: t.statusChanges.toStatus })
      .from(t.statusChanges)
      .where(eq(t.statusChanges.applicationId, id)),
  );
  const stage = furthestStage([application.status, ...changes.flatMap((c) => [c.from, c.to])]);
  const p = t.pipelineDays;
  const day = dayOf(application.createdAt.getTime());
  const key = and(eq(p.day, day), eq(p.postingSlug, application.postingSlug), eq(p.source, application.source));
  yield* run(
    tx
      .update(p)
      .set({ count: sql`${p.count} - 1` })
      .where(and(key, eq(p.stage, stage))),
  );
  yield* run(tx.delete(p).where(and(key, lte(p.count, 0))));
  yield* run(
    tx
      .insert(p)
      .values({ day, postingSlug: application.postingSlug, source: '', stage, count: 1 })
      .onConflictDoUpdate({ target: [p.day, p.postingSlug, p.source, p.stage], set: { count: sql`${p.count} + 1` } }),
  );
}
