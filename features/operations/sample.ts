import { eq, isNotNull, min, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/lib/status';

// What /metrics reports of the data at each scrape: the applications kept, by status, the outbox's backlog and
// the webhooks' (deliveries waiting or given up, endpoints paused).
// Each figure is read from a table or an index kept for it (the counts by triggers, the outbox by its
// `status, next_attempt_at` index): no query walks the applications, so a scrape costs the same at a million.

export type OperationsSample = {
  applications: Record<ApplicationStatus, number>;
  outbox: { pending: number; failed: number; oldestPendingSeconds: number };
  webhooks: { pending: number; failed: number; pausedEndpoints: number };
};

export async function operationsSample({
  database,
  now = Date.now(),
}: {
  database: Database;
  now?: number;
}): Promise<OperationsSample> {
  const { db, t } = database;
  const d = t.webhookDeliveries;
  const [byStatus, outbox, [oldest], deliveries, [paused]] = await Promise.all([
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
    // Failed deliveries stay in the log 30 days; both states are read from the `status, next_attempt_at` index.
    db
      .select({ status: d.status, count: sql<number>`count(*)`.mapWith(Number) })
      .from(d)
      .where(sql`${d.status} in ('pending', 'failed')`)
      .groupBy(d.status),
    db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(t.webhookEndpoints)
      .where(isNotNull(t.webhookEndpoints.pausedAt)),
  ]);
  const applications = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const row of byStatus) applications[row.status] = row.count;
  const count = (status: string, rows: { status: string; count: number }[] = outbox) =>
    rows.find((row) => row.status === status)?.count ?? 0;
  const oldestAt = oldest?.createdAt?.getTime() ?? now;
  return {
    applications,
    outbox: {
      pending: count('pending'),
      failed: count('failed'),
      oldestPendingSeconds: Math.max(0, (now - oldestAt) / 1000),
    },
    webhooks: {
      pending: count('pending', deliveries),
      failed: count('failed', deliveries),
      pausedEndpoints: paused?.count ?? 0,
    },
  };
}
