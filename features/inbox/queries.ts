import 'server-only';
import { and, asc, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Tables } from '@/db/database';
import { rows } from '@/db/dialect';
import { COUNT_CAP } from '@/features/inbox/counts';
import { FILTER_KEYS, type FilterKey, type InboxFilter } from '@/features/inbox/filter';
import { authorizeScoped, canSeePosting, postingScope } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/lib/status';
import { filterSql } from './filter-sql';

export const PAGE_SIZE = 50;

// The counts table holds counts per posting and status; any other filter (one added later too) needs the rows.
const COUNTED_BY_TABLE: readonly FilterKey[] = ['posting', 'status'];

export const listColumns = (t: Tables) => ({
  id: t.applications.id,
  fullName: t.applications.fullName,
  email: t.applications.email,
  postingSlug: t.applications.postingSlug,
  postingTitle: t.applications.postingTitle,
  status: t.applications.status,
  createdAt: t.applications.createdAt,
});

/** One page of the inbox, newest first, by keyset on id: fetching one row more tells whether a next page exists. */
export async function listApplications({
  filter,
  before,
  context,
}: {
  filter: InboxFilter;
  before?: number;
  context?: AdminContext;
}) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const { where, key, joinSearch } = await filterSql({ database, filter, slugs, viewerId: viewer.userId });
  const found = await joinSearch(
    db
      .select({ ...listColumns(t), assignee: t.adminUsers.email })
      .from(t.applications)
      .$dynamic(),
  )
    .leftJoin(t.adminUsers, eq(t.adminUsers.id, t.applications.assigneeId))
    .where(and(where, before ? lt(key, before) : undefined))
    .orderBy(desc(key))
    .limit(PAGE_SIZE + 1);
  const page = found.slice(0, PAGE_SIZE);
  return { rows: page, nextCursor: found.length > PAGE_SIZE ? page.at(-1)!.id : undefined };
}

/**
 * Applications per status under the filter's posting, dates, source and search (the status filter itself is
 * left out). By posting alone the counts are exact and read from `application_counts`. A date range, a source
 * or a search
 * counts the matching rows in one pass that stops after COUNT_CAP rows: `exact` is then false and the
 * counts are lower bounds, so no request counts a million rows.
 */
export async function countByStatus({ filter, context }: { filter: InboxFilter; context?: AdminContext }) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  if (FILTER_KEYS.every((key) => COUNTED_BY_TABLE.includes(key) || !filter[key])) {
    const kept = await db
      .select({
        status: t.applicationCounts.status,
        count: sql<number>`sum(${t.applicationCounts.count})`.mapWith(Number),
      })
      .from(t.applicationCounts)
      .where(
        and(
          filter.posting ? eq(t.applicationCounts.postingSlug, filter.posting) : undefined,
          postingScope(t.applicationCounts.postingSlug, slugs),
        ),
      )
      .groupBy(t.applicationCounts.status);
    for (const row of kept) counts[row.status] = row.count;
    return { counts, exact: true };
  }
  const { where, joinSearch } = await filterSql({
    database,
    filter,
    withStatus: false,
    slugs,
    viewerId: viewer.userId,
  });
  const matching = joinSearch(db.select({ status: t.applications.status }).from(t.applications).$dynamic())
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const counted = await db.select({ status: matching.status, count: count() }).from(matching).groupBy(matching.status);
  for (const row of counted) counts[row.status as ApplicationStatus] = row.count;
  const total = counted.reduce((sum, row) => sum + row.count, 0);
  return { counts, exact: total <= COUNT_CAP };
}

/**
 * The postings that have applications, by skip-scan over the posting index (one index seek per posting,
 * not a scan of every application), each with its latest title.
 */
export async function listPostingsWithApplications(context?: AdminContext) {
  const { database, slugs } = await authorizeScoped(context);
  const found = await rows<{ slug: string; title: string }>(
    database,
    sql`
    WITH RECURSIVE slugs(slug) AS (
      SELECT min(posting_slug) FROM applications
      UNION ALL
      SELECT (SELECT min(posting_slug) FROM applications WHERE posting_slug > slugs.slug) FROM slugs WHERE slug IS NOT NULL
    )
    SELECT slug, (SELECT posting_title FROM applications WHERE posting_slug = slugs.slug ORDER BY id DESC LIMIT 1) AS title
    FROM slugs WHERE slug IS NOT NULL ORDER BY title`,
  );
  return found.filter((posting) => canSeePosting(slugs, posting.slug));
}

/** The newer and older application within the same filter, for previous/next links. */
export async function getNeighbours({
  id,
  filter,
  context,
}: {
  id: number;
  filter: InboxFilter;
  context?: AdminContext;
}) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const { where, key, joinSearch } = await filterSql({ database, filter, slugs, viewerId: viewer.userId });
  const ids = () => joinSearch(db.select({ id: t.applications.id }).from(t.applications).$dynamic());
  const [[newer], [older]] = await Promise.all([
    ids()
      .where(and(where, gt(key, id)))
      .orderBy(asc(key))
      .limit(1),
    ids()
      .where(and(where, lt(key, id)))
      .orderBy(desc(key))
      .limit(1),
  ]);
  return { newer: newer?.id, older: older?.id };
}
