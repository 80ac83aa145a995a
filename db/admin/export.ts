import 'server-only';
import { and, desc, lt } from 'drizzle-orm';
import { applications } from '@/db/schema';
import { filterQuery, type InboxFilter } from '@/lib/admin/filter';
import type { Answer } from '@/lib/application/questions';
import { recordAudit } from './audit';
import { authorize, type AdminContext } from './context';
import { filterConditions } from './filter-sql';

export const EXPORT_COLUMNS = [
  ['reference', 'Reference'],
  ['createdAt', 'Received'],
  ['postingTitle', 'Posting'],
  ['status', 'Status'],
  ['fullName', 'Full name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['location', 'Location'],
  ['profileUrl', 'Profile URL'],
  ['coverLetter', 'Cover letter'],
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number][0], string | null> & {
  postingSlug: string;
  answers: Answer[] | null;
};

/**
 * Authorises once, records the export, and returns a reader of batches by keyset on id, so a stream can
 * pull rows a thousand at a time after the request's cookies are out of reach.
 */
export async function openExport(filter: InboxFilter, context?: AdminContext, batchSize = 1000) {
  const ctx = await authorize(context);
  const viewer = ctx.viewer;
  recordAudit(
    ctx.db,
    { actorEmail: viewer.email, action: 'export', detail: filterQuery(filter) || 'all applications' },
    ctx.now(),
  );
  const where = filterConditions(ctx.db, filter);
  let cursor: number | undefined;
  let done = false;
  return function nextBatch(): ExportRow[] {
    if (done) return [];
    const rows = ctx.db
      .select({
        id: applications.id,
        reference: applications.reference,
        createdAt: applications.createdAt,
        postingTitle: applications.postingTitle,
        status: applications.status,
        fullName: applications.fullName,
        email: applications.email,
        phone: applications.phone,
        location: applications.location,
        profileUrl: applications.profileUrl,
        coverLetter: applications.coverLetter,
        postingSlug: applications.postingSlug,
        answers: applications.answers,
      })
      .from(applications)
      .where(and(where, cursor ? lt(applications.id, cursor) : undefined))
      .orderBy(desc(applications.id))
      .limit(batchSize)
      .all();
    if (rows.length < batchSize) done = true;
    cursor = rows.at(-1)?.id;
    return rows.map(({ createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() }));
  };
}
