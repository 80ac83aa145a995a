import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { searchCondition } from '@/db/dialect';
import { dayRange, type InboxFilter } from '@/lib/admin/filter';
import { postingScope } from './access';

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

/** The WHERE conditions of an inbox filter, shared by the list, its neighbours, the counts and the export. */
export async function filterConditions(
  database: Database,
  filter: InboxFilter,
  {
    withStatus = true,
    slugs = null,
    viewerId,
  }: { withStatus?: boolean; slugs?: string[] | null; viewerId?: number } = {},
): Promise<SQL | undefined> {
  const { t } = database;
  const conditions: SQL[] = await idBounds(database, filter);
  // The postings the viewer may see (db/admin/access.ts); null for every posting.
  const scope = postingScope(t.applications.postingSlug, slugs);
  if (scope) conditions.push(scope);
  if (filter.posting) conditions.push(eq(t.applications.postingSlug, filter.posting));
  if (filter.source) conditions.push(eq(t.applications.source, filter.source));
  if (withStatus && filter.status) conditions.push(eq(t.applications.status, filter.status));
  if (filter.q) conditions.push(searchCondition(database, filter.q));
  // Without a viewer to be "me", the filter matches nothing rather than everything.
  if (filter.assigned === 'me') conditions.push(viewerId ? eq(t.applications.assigneeId, viewerId) : NOTHING);
  return conditions.length ? and(...conditions) : undefined;
}
