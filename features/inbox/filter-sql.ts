import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/database';
import { searchPlan } from '@/db/dialect';
import { dayRange, type InboxFilter } from '@/features/inbox/filter';
import { postingScope } from '@/features/staff/access';

const NOTHING = sql`1 = 0`;

/**
 * A date range as an id range: ids grow with time, so two lookups on the created_at index bound the
 * primary-key scan and pagination stays on `id` however old the range is.
 */
async function idBounds({ db, t }: Database, filter: InboxFilter): Promise<SQL[]> {
  const { fromMs, toMs } = dayRange(filter);
  const applications = t.applications;
  const out: SQL[] = [];
  if (fromMs !== undefined) {
    const [first] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(gte(applications.createdAt, new Date(fromMs)))
      .orderBy(asc(applications.createdAt))
      .limit(1);
    out.push(first ? gte(applications.id, first.id) : NOTHING);
  }
  if (toMs !== undefined) {
    const [last] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(lt(applications.createdAt, new Date(toMs)))
      .orderBy(desc(applications.createdAt))
      .limit(1);
    out.push(last ? lte(applications.id, last.id) : NOTHING);
  }
  return out;
}

/** An inbox filter as SQL, shared by the list, its neighbours, the counts and the export. */
export type FilterSql = {
  where: SQL | undefined;
  /**
   * What pages are ordered and cut on: the application's id, or the search index's rowid (the same number)
   * when a search joins the index to drive the query (db/dialect.ts, `searchPlan`).
   */
  key: SQL<number>;
  /** Adds the search index's join to a query on applications when the search needs it. */
  joinSearch: <Q extends PgSelect>(query: Q) => Q;
};

export async function filterSql({
  database,
  filter,
  withStatus = true,
  slugs = null,
  viewerId,
}: {
  database: Database;
  filter: InboxFilter;
  withStatus?: boolean;
  slugs?: string[] | null;
  viewerId?: number;
}): Promise<FilterSql> {
  const { t } = database;
  const conditions: SQL[] = await idBounds(database, filter);
  // The postings the viewer may see (features/staff/access.ts); null for every posting.
  const scope = postingScope(t.applications.postingSlug, slugs);
  if (scope) conditions.push(scope);
  if (filter.posting) conditions.push(eq(t.applications.postingSlug, filter.posting));
  if (filter.source) conditions.push(eq(t.applications.source, filter.source));
  if (withStatus && filter.status) conditions.push(eq(t.applications.status, filter.status));
  const search = filter.q ? searchPlan(database, filter.q) : undefined;
  if (search) conditions.push(search.condition);
  // Without a viewer to be "me", the filter matches nothing rather than everything.
  if (filter.assigned === 'me') conditions.push(viewerId ? eq(t.applications.assigneeId, viewerId) : NOTHING);
  const join = search?.join;
  return {
    where: conditions.length ? and(...conditions) : undefined,
    key: search?.key ?? sql<number>`${t.applications.id}`,
    // The join leaves the selected columns as they are: only the query's FROM changes.
    joinSearch: (query) => (join ? (query.innerJoin(join.table, join.on) as unknown as typeof query) : query),
  };
}
