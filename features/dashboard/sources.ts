import 'server-only';
import { and, asc, isNotNull, sql } from 'drizzle-orm';
import { rows } from '@/db/dialect';
import { authorizeScoped, postingScope } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

/** Sources listed and counted at most: anyone can invent one with `?src=`, so their number is not ours to bound. */
export const SOURCE_LIST_CAP = 200;

// The distinct sources, by skip-scan over `applications_source_id`: one index seek per source, never a scan of
// every application. NULL (unknown) sorts outside `min()`, so it never appears here. The counter stops the
// recursion itself: an outer LIMIT does not stop a recursive CTE on SQLite.
const distinctSources = sql`
  WITH RECURSIVE sources(source, n) AS (
    SELECT min(source), 1 FROM applications
    UNION ALL
    SELECT (SELECT min(source) FROM applications WHERE source > sources.source), n + 1
    FROM sources WHERE source IS NOT NULL AND n < ${SOURCE_LIST_CAP}
  )`;

/** The sources applications came from, alphabetically, for the inbox's filter. */
export async function listSources(context?: AdminContext): Promise<string[]> {
  const { database, slugs } = await authorizeScoped(context);
  if (slugs !== null) {
    // A reviewer: the sources of their postings' applications only (the posting index bounds the read).
    const { db, t } = database;
    const mine = await db
      .selectDistinct({ source: t.applications.source })
      .from(t.applications)
      .where(and(postingScope(t.applications.postingSlug, slugs), isNotNull(t.applications.source)))
      .orderBy(asc(t.applications.source))
      .limit(SOURCE_LIST_CAP);
    return mine.map((row) => row.source!);
  }
  const found = await rows<{ source: string }>(
    database,
    sql`${distinctSources} SELECT source FROM sources WHERE source IS NOT NULL ORDER BY source`,
  );
  return found.map((row) => row.source);
}
