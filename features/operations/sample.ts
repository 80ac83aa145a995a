import { eq, min, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/lib/status';

// What /metrics reports of the data at each scrape: the applications kept, by status, and the outbox's backlog.
// Each figure is read from a table or an index kept for it (the counts by triggers, the outbox by its
// `status, next_attempt_at` index): no query walks the applications, so a scrape costs the same at a million.

export type OperationsSample = {
  applications: Record<ApplicationStatus, number>;
  outbox: { pending: number; failed: number; oldestPendingSeconds: number };
};

export async function operationsSample({
  database,
  now = Date.now(),
}: {
  database: Database;
  now?: number;
}): Promise<OperationsSample> {
  const { db, t } = database;
  const [byStatus, outbox, [oldest]] = await Promise.all([
    db
      .select({
        status: t.applicationCounts.status,
        count: sql<number>`sum(${t.applicationCounts.count})`.mapWith(Number),
      })
      .from(t.applicationCounts)
      .groupBy(t.applicationCounts.status),
    db
      .select({ status: t.outbox.status, count: sql<number>`count(*)`.mapWith(Number) })
      .from(t.outbox)
      .where(sql`${t.outbox.status} in ('pending', 'failed')`)
      .groupBy(t.outbox.status),
    db
      .select({ createdAt: min(t.outbox.createdAt) })
      .from(t.outbox)
      .where(eq(t.outbox.status, 'pending')),
  ]);
  const applications = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const row of byStatus) applications[row.status] = row.count;
  const count = (status: string) => outbox.find((row) => row.status === status)?.count ?? 0;
  const oldestAt = oldest?.createdAt?.getTime() ?? now;
  return {
    applications,
    outbox: {
      pending: count('pending'),
      failed: count('failed'),
      oldestPendingSeconds: Math.max(0, (now - oldestAt) / 1000),
    },
  };
}
