import 'server-only';
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema';
import { dayRange, ftsQuery, type InboxFilter } from '@/lib/admin/filter';

const NOTHING = sql`0`;

/**
 * A date range as an id range: ids grow with time, so two lookups on the created_at index bound the
 * primary-key scan and pagination stays on `id` however old the range is.
 */
function idBounds(db: Db, filter: InboxFilter): SQL[] {
  const { fromMs, toMs } = dayRange(filter);
  const out: SQL[] = [];
  if (fromMs !== undefined) {
    const first = db
      .select({ id: applications.id })
      .from(applications)
      .where(gte(applications.createdAt, new Date(fromMs)))
      .orderBy(asc(applications.createdAt))
      .limit(1)
      .get();
    out.push(first ? gte(applications.id, first.id) : NOTHING);
  }
  if (toMs !== undefined) {
    const last = db
      .select({ id: applications.id })
      .from(applications)
      .where(lt(applications.createdAt, new Date(toMs)))
      .orderBy(desc(applications.createdAt))
      .limit(1)
      .get();
    out.push(last ? sql`${applications.id} <= ${last.id}` : NOTHING);
  }
  return out;
}

/** The WHERE conditions of an inbox filter, shared by the list, its neighbours, the counts and the export. */
export function filterConditions(db: Db, filter: InboxFilter, { withStatus = true } = {}): SQL | undefined {
  const conditions: SQL[] = [...idBounds(db, filter)];
  if (filter.posting) conditions.push(eq(applications.postingSlug, filter.posting));
  if (withStatus && filter.status) conditions.push(eq(applications.status, filter.status));
  if (filter.q) {
    const match = ftsQuery(filter.q);
    conditions.push(
      match
        ? sql`${applications.id} IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ${match})`
        : NOTHING,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}
