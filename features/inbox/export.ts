import 'server-only';
import { and, desc, inArray, lt } from 'drizzle-orm';
import { isoTime } from '@/db/dialect';
import { shownColumns } from '@/db/schema/personal-data';
import type { Answer } from '@/features/apply/questions';
import { auditEntry } from '@/features/audit/log';
import { auditedFilter, type InboxFilter } from '@/features/inbox/filter';
import { summarizeScorecards } from '@/features/scorecards/queries';
import { authorizeScoped } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { filterSql } from './filter-sql';

// The candidate's own fields, and their labels, come from the personal-data declaration; answers get a
// column per question (export-csv.ts).
const PERSONAL = shownColumns('applications').filter((c) => c.column !== 'answers');

export const EXPORT_COLUMNS: readonly (readonly [string, string])[] = [
  ['reference', 'Reference'],
  ['createdAt', 'Received'],
  ['postingTitle', 'Posting'],
  ['status', 'Status'],
  ...PERSONAL.map((c) => [c.column, c.label] as const),
  ['scorecards', 'Scorecards'],
  ['meanOverall', 'Mean overall'],
];

export type ExportRow = Record<string, string | null> & { postingSlug: string; answers: Answer[] | null };

// Long: the export's one query and its keyset loop, which must agree on the order.
/**
 * Authorises once, records the export, and returns a reader of batches by keyset on id, so a stream can
 * pull rows a thousand at a time after the request's cookies are out of reach.
 */
export async function openExport({
  filter,
  context,
  batchSize = 1000,
  ids,
}: {
  filter: InboxFilter;
  context?: AdminContext;
  batchSize?: number;
  ids?: number[];
}) {
  const { database, viewer, now, slugs } = await authorizeScoped(context);
  const { db, t } = database;
  const a = t.applications;
  await auditEntry({
    db,
    t,
    entry: {
      actorEmail: viewer.email,
      action: 'export',
      detail: ids ? `${ids.length} chosen applications` : auditedFilter(filter) || 'all applications',
    },
    now: now(),
  });
  // The inbox's chosen applications, still within what the viewer may see.
  const filtered = await filterSql({ database, filter, slugs, viewerId: viewer.userId });
  const { key, joinSearch } = filtered;
  const where = and(filtered.where, ids ? inArray(a.id, ids.length ? ids : [0]) : undefined);
  const personalFields = Object.fromEntries(PERSONAL.map((c) => [c.column, a[c.column]]));
  let cursor: number | undefined;
  let done = false;
  return async function nextBatch(): Promise<ExportRow[]> {
    if (done) return [];
    const batch = await joinSearch(
      db
        .select({
          id: a.id,
          reference: a.reference,
          // Text made by the database: a Date per row was most of what outlived the young generation (below).
          createdAt: isoTime(database, a.createdAt),
          postingTitle: a.postingTitle,
          status: a.status,
          ...personalFields,
          postingSlug: a.postingSlug,
          answers: a.answers,
        })
        .from(a)
        .$dynamic(),
    )
      .where(and(where, cursor ? lt(key, cursor) : undefined))
      .orderBy(desc(key))
      .limit(batchSize);
    if (batch.length < batchSize) done = true;
    cursor = batch.at(-1)?.id;
    // One grouped query per batch; blind like the inbox: the mean only where the viewer may see it.
    const cards = await summarizeScorecards({ database, viewer, ids: batch.map((row) => row.id) });
    // Written over in place: a copy of each row (rest and spread), and then a Date made for each row's
    // timestamp, were most of what the export allocated that outlived young-generation collections and grew
    // the server's memory with the export's size (bench/README.md).
    const rows = batch as ((typeof batch)[number] & { scorecards?: string; meanOverall?: string | null })[];
    for (const row of rows) {
      const summary = cards.get(row.id);
      row.scorecards = String(summary?.count ?? 0);
      row.meanOverall = summary?.mean == null ? null : summary.mean.toFixed(1);
    }
    return rows as unknown as ExportRow[];
  };
}
