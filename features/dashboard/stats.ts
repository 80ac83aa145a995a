import 'server-only';
import { and, count, gte, sql } from 'drizzle-orm';
import { dayNumber } from '@/db/dialect';
import { countByStatus, listPostingsWithApplications } from '@/features/inbox/queries';
import { authorizeScoped, postingScope } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

const DAY_MS = 86_400_000;

/** Applications per day (UTC) for the last `days` days, oldest first, with empty days as zero. */
export async function applicationsPerDay({ days = 30, context }: { days?: number; context?: AdminContext } = {}) {
  const { database, now, slugs } = await authorizeScoped(context);
  const { db, t } = database;
  const today = Math.floor(now() / DAY_MS);
  const start = today - days + 1;
  const day = dayNumber(database, t.applications.createdAt);
  const perDay = await db
    .select({ day, count: count() })
    .from(t.applications)
    .where(
      and(gte(t.applications.createdAt, new Date(start * DAY_MS)), postingScope(t.applications.postingSlug, slugs)),
    )
    .groupBy(day);
  const byDay = new Map(perDay.map((r) => [r.day, r.count]));
  return Array.from({ length: days }, (_, i) => ({
    date: new Date((start + i) * DAY_MS).toISOString().slice(0, 10),
    count: byDay.get(start + i) ?? 0,
  }));
}

/** Applications per posting, most first: summed from the counts the triggers keep, not counted. */
export async function applicationsPerPosting(context?: AdminContext) {
  const ctx = await authorizeScoped(context);
  const { db, t } = ctx.database;
  const perPosting = await db
    .select({
      slug: t.applicationCounts.postingSlug,
      count: sql<number>`sum(${t.applicationCounts.count})`.mapWith(Number),
    })
    .from(t.applicationCounts)
    .where(postingScope(t.applicationCounts.postingSlug, ctx.slugs))
    .groupBy(t.applicationCounts.postingSlug);
  const titles = new Map((await listPostingsWithApplications(ctx)).map((p) => [p.slug, p.title]));
  return perPosting
    .filter((p) => p.count > 0)
    .map((p) => ({ ...p, title: titles.get(p.slug) ?? p.slug }))
    .sort((a, b) => b.count - a.count);
}

export async function statusFunnel(context?: AdminContext) {
  return (await countByStatus({ filter: {}, context })).counts;
}
