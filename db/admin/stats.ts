import 'server-only';
import { gte, sql } from 'drizzle-orm';
import { applications } from '@/db/schema';
import { countByStatus, listPostingsWithApplications } from './applications';
import { authorize, type AdminContext } from './context';

const DAY_MS = 86_400_000;

/** Applications per day (UTC) for the last `days` days, oldest first, with empty days as zero. */
export async function applicationsPerDay(days = 30, context?: AdminContext) {
  const ctx = await authorize(context);
  const today = Math.floor(ctx.now() / DAY_MS);
  const start = today - days + 1;
  const rows = ctx.db
    // better-sqlite3 binds numbers as REAL, so the division is cast back to a whole day number; mapWith stops
    // drizzle from decoding the expression with the column's own mapper (as a Date).
    .select({
      day: sql<number>`cast(${applications.createdAt} / ${DAY_MS} as integer)`.mapWith(Number),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(applications)
    .where(gte(applications.createdAt, new Date(start * DAY_MS)))
    .groupBy(sql`1`)
    .all();
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return Array.from({ length: days }, (_, i) => ({
    date: new Date((start + i) * DAY_MS).toISOString().slice(0, 10),
    count: byDay.get(start + i) ?? 0,
  }));
}

/** Applications per posting, most first; counted on the posting index. */
export async function applicationsPerPosting(context?: AdminContext) {
  const ctx = await authorize(context);
  const counts = ctx.db
    .select({ slug: applications.postingSlug, count: sql<number>`count(*)` })
    .from(applications)
    .groupBy(applications.postingSlug)
    .all();
  const titles = new Map((await listPostingsWithApplications(ctx)).map((p) => [p.slug, p.title]));
  return counts.map((c) => ({ ...c, title: titles.get(c.slug) ?? c.slug })).sort((a, b) => b.count - a.count);
}

export async function statusFunnel(context?: AdminContext) {
  return (await countByStatus({}, context)).counts;
}
