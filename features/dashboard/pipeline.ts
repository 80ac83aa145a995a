import 'server-only';
import { and, between, sql } from 'drizzle-orm';
import { listPostingsWithApplications } from '@/features/inbox/queries';
import { authorizeScoped, canSeePosting, postingScope } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { dayOf, isoDay } from '@/lib/days';
import { DURATION_STAGES, PIPELINE_STAGES, type DurationStage, type PipelineStage } from '@/lib/status';
import { medianMinutes } from './durations';
import type { DashboardQuery } from './query';
import { SOURCE_LIST_CAP } from './sources';

// The dashboard's numbers for a period and, optionally, one posting: every figure is read from the rollups the
// triggers of migration 0011 keep (pipeline_days, pipeline_durations), by a range of their primary key's first
// column, so a report reads rows per day × posting × source × stage, never per application.

/** Sources named one by one in the report, the biggest first; any beyond are summed (anyone can invent one). */
export const SOURCES_LISTED = SOURCE_LIST_CAP;

export type SourceRow = { source: string | null; applications: number; hires: number };

export type PipelineReport = {
  /** The first and last UTC day of the period, as YYYY-MM-DD. */
  from: string;
  to: string;
  /** Applications received on each day, oldest first, empty days as zero. */
  perDay: { date: string; count: number }[];
  /** Of the applications received, how many reached each stage (or went further), in pipeline order. */
  funnel: { stage: PipelineStage; reached: number }[];
  /** The median time spent in each stage before leaving it, and from receipt to a hire (`hire`); null: none left. */
  durations: { stage: DurationStage; medianMinutes: number | null; count: number }[];
  /** Applications and hires by source, most applications first; `null` is "not known". */
  sources: SourceRow[];
  /** Sources beyond SOURCES_LISTED, summed. */
  otherSources: SourceRow | null;
  /** Applications per posting, most first. */
  perPosting: { slug: string; title: string; count: number }[];
  /** The postings the viewer may see that have applications (the page's choice of posting). */
  postings: { slug: string; title: string }[];
};

/**
 * The report for the applications received in the last `query.days` UTC days (today included), for the postings
 * the viewer may see, or only `query.posting` when they may see it (a posting they may not see reads as one
 * without applications, so a reviewer learns nothing of others' postings).
 */
export async function pipelineReport({
  query,
  context,
}: {
  query: DashboardQuery;
  context?: AdminContext;
}): Promise<PipelineReport> {
  const authorized = await authorizeScoped(context);
  const { database, slugs } = authorized;
  const { db, t } = database;
  const today = dayOf(authorized.now());
  const start = today - query.days + 1;
  const scope = (table: typeof t.pipelineDays | typeof t.pipelineDurations) =>
    and(
      between(table.day, start, today),
      postingScope(table.postingSlug, slugs),
      // One posting: none at all when the viewer may not see it.
      query.posting === undefined
        ? undefined
        : postingScope(table.postingSlug, canSeePosting(slugs, query.posting) ? [query.posting] : []),
    );
  const days = t.pipelineDays;
  const total = sql<number>`sum(${days.count})`.mapWith(Number);
  const [perDayRows, bySourceStage, byPosting, histogram, postings] = await Promise.all([
    db.select({ day: days.day, count: total }).from(days).where(scope(days)).groupBy(days.day),
    db
      .select({ source: days.source, stage: days.stage, count: total })
      .from(days)
      .where(scope(days))
      .groupBy(days.source, days.stage),
    db.select({ slug: days.postingSlug, count: total }).from(days).where(scope(days)).groupBy(days.postingSlug),
    db
      .select({
        stage: t.pipelineDurations.stage,
        bucket: t.pipelineDurations.bucket,
        count: sql<number>`sum(${t.pipelineDurations.count})`.mapWith(Number),
      })
      .from(t.pipelineDurations)
      .where(scope(t.pipelineDurations))
      .groupBy(t.pipelineDurations.stage, t.pipelineDurations.bucket),
    listPostingsWithApplications(authorized),
  ]);

  const byDay = new Map(perDayRows.map((row) => [row.day, row.count]));
  const perDay = Array.from({ length: query.days }, (_, i) => ({
    date: isoDay(start + i),
    count: byDay.get(start + i) ?? 0,
  }));

  // Each application is counted once, at the furthest stage it reached: it reached every stage before it too.
  const atStage = new Map<PipelineStage, number>();
  const sources = new Map<string, SourceRow>();
  for (const row of bySourceStage) {
    atStage.set(row.stage, (atStage.get(row.stage) ?? 0) + row.count);
    const key = row.source;
    const entry = sources.get(key) ?? { source: key === '' ? null : key, applications: 0, hires: 0 };
    entry.applications += row.count;
    if (row.stage === 'hired') entry.hires += row.count;
    sources.set(key, entry);
  }
  const funnel = PIPELINE_STAGES.map((stage, i) => ({
    stage,
    reached: PIPELINE_STAGES.slice(i).reduce((sum, later) => sum + (atStage.get(later) ?? 0), 0),
  }));

  const durations = DURATION_STAGES.map((stage) => {
    const rows = histogram.filter((row) => row.stage === stage);
    return { stage, medianMinutes: medianMinutes(rows), count: rows.reduce((sum, row) => sum + row.count, 0) };
  });

  const ranked = [...sources.values()]
    .filter((row) => row.applications > 0)
    .sort(
      (a, b) =>
        b.applications - a.applications ||
        b.hires - a.hires ||
        (a.source ?? '\uffff').localeCompare(b.source ?? '\uffff', 'en'),
    );
  const rest = ranked.slice(SOURCES_LISTED);
  const otherSources = rest.length
    ? rest.reduce(
        (sum, row) => ({ ...sum, applications: sum.applications + row.applications, hires: sum.hires + row.hires }),
        {
          source: null,
          applications: 0,
          hires: 0,
        } as SourceRow,
      )
    : null;

  const titles = new Map(postings.map((p) => [p.slug, p.title]));
  const perPosting = byPosting
    .filter((row) => row.count > 0)
    .map((row) => ({ slug: row.slug, title: titles.get(row.slug) ?? row.slug, count: row.count }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'en'));

  return {
    from: isoDay(start),
    to: isoDay(today),
    perDay,
    funnel,
    durations,
    sources: ranked.slice(0, SOURCES_LISTED),
    otherSources,
    perPosting,
    postings,
  };
}
