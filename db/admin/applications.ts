import 'server-only';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { IMMEDIATE } from '@/db/client';
import { adminUsers, applicationCounts, applicationNotes, applications, resumes, statusChanges } from '@/db/schema';
import { COUNT_CAP } from '@/lib/admin/counts';
import type { InboxFilter } from '@/lib/admin/filter';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/lib/application/status';
import { recordAudit } from './audit';
import { authorize, type AdminContext } from './context';
import { filterConditions } from './filter-sql';

export const PAGE_SIZE = 50;

const listColumns = {
  id: applications.id,
  fullName: applications.fullName,
  email: applications.email,
  postingSlug: applications.postingSlug,
  postingTitle: applications.postingTitle,
  status: applications.status,
  createdAt: applications.createdAt,
};

/** One page of the inbox, newest first, by keyset on id: fetching one row more tells whether a next page exists. */
export async function listApplications(filter: InboxFilter, before: number | undefined, context?: AdminContext) {
  const ctx = await authorize(context);
  const rows = ctx.db
    .select(listColumns)
    .from(applications)
    .where(and(filterConditions(ctx.db, filter), before ? lt(applications.id, before) : undefined))
    .orderBy(desc(applications.id))
    .limit(PAGE_SIZE + 1)
    .all();
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE ? page.at(-1)!.id : undefined };
}

/**
 * Applications per status under the filter's posting, dates and search (the status filter itself is left
 * out). By posting alone the counts are exact and read from `application_counts`. A date range or a search
 * counts the matching rows in one pass that stops after COUNT_CAP rows: `exact` is then false and the
 * counts are lower bounds, so no request counts a million rows.
 */
export async function countByStatus(filter: InboxFilter, context?: AdminContext) {
  const ctx = await authorize(context);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  if (!filter.q && !filter.from && !filter.to) {
    const rows = ctx.db
      .select({ status: applicationCounts.status, count: sql<number>`sum(${applicationCounts.count})`.mapWith(Number) })
      .from(applicationCounts)
      .where(filter.posting ? eq(applicationCounts.postingSlug, filter.posting) : undefined)
      .groupBy(applicationCounts.status)
      .all();
    for (const row of rows) counts[row.status] = row.count;
    return { counts, exact: true };
  }
  const matching = ctx.db
    .select({ status: applications.status })
    .from(applications)
    .where(filterConditions(ctx.db, filter, { withStatus: false }))
    .limit(COUNT_CAP + 1)
    .as('matching');
  const rows = ctx.db
    .select({ status: matching.status, count: sql<number>`count(*)`.mapWith(Number) })
    .from(matching)
    .groupBy(matching.status)
    .all();
  for (const row of rows) counts[row.status as ApplicationStatus] = row.count;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { counts, exact: total <= COUNT_CAP };
}

/**
 * The postings that have applications, by skip-scan over the posting index (one index seek per posting,
 * not a scan of every application), each with its latest title.
 */
export async function listPostingsWithApplications(context?: AdminContext) {
  const ctx = await authorize(context);
  return ctx.db.all<{ slug: string; title: string }>(sql`
    WITH RECURSIVE slugs(slug) AS (
      SELECT min(posting_slug) FROM applications
      UNION ALL
      SELECT (SELECT min(posting_slug) FROM applications WHERE posting_slug > slugs.slug) FROM slugs WHERE slug IS NOT NULL
    )
    SELECT slug, (SELECT posting_title FROM applications WHERE posting_slug = slugs.slug ORDER BY id DESC LIMIT 1) AS title
    FROM slugs WHERE slug IS NOT NULL ORDER BY title`);
}

/** Everything about one application except the resume bytes, with its status history and notes; null when missing. */
export async function getApplication(id: number, context?: AdminContext) {
  const ctx = await authorize(context);
  const application = ctx.db
    .select({
      ...listColumns,
      reference: applications.reference,
      phone: applications.phone,
      location: applications.location,
      profileUrl: applications.profileUrl,
      coverLetter: applications.coverLetter,
      answers: applications.answers,
      consentAt: applications.consentAt,
      resumeFileName: resumes.fileName,
      resumeMediaType: resumes.mediaType,
      resumeSize: resumes.size,
    })
    .from(applications)
    .innerJoin(resumes, eq(resumes.id, applications.resumeId))
    .where(eq(applications.id, id))
    .get();
  if (!application) return null;
  const history = ctx.db
    .select({
      id: statusChanges.id,
      from: statusChanges.fromStatus,
      to: statusChanges.toStatus,
      by: adminUsers.email,
      at: statusChanges.changedAt,
    })
    .from(statusChanges)
    .innerJoin(adminUsers, eq(adminUsers.id, statusChanges.changedBy))
    .where(eq(statusChanges.applicationId, id))
    .orderBy(asc(statusChanges.id))
    .all();
  const notes = ctx.db
    .select({
      id: applicationNotes.id,
      body: applicationNotes.body,
      author: adminUsers.email,
      at: applicationNotes.createdAt,
    })
    .from(applicationNotes)
    .innerJoin(adminUsers, eq(adminUsers.id, applicationNotes.authorId))
    .where(eq(applicationNotes.applicationId, id))
    .orderBy(asc(applicationNotes.id))
    .all();
  return { ...application, history, notes };
}

/** The newer and older application within the same filter, for previous/next links. */
export async function getNeighbours(id: number, filter: InboxFilter, context?: AdminContext) {
  const ctx = await authorize(context);
  const where = filterConditions(ctx.db, filter);
  const newer = ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(where, gt(applications.id, id)))
    .orderBy(asc(applications.id))
    .limit(1)
    .get();
  const older = ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(where, lt(applications.id, id)))
    .orderBy(desc(applications.id))
    .limit(1)
    .get();
  return { newer: newer?.id, older: older?.id };
}

/** The resume file of an application, recorded in the audit log; null when the application is missing. */
export async function getResumeFile(id: number, disposition: 'inline' | 'attachment', context?: AdminContext) {
  const ctx = await authorize(context);
  const viewer = ctx.viewer;
  const file = ctx.db
    .select({
      fileName: resumes.fileName,
      mediaType: resumes.mediaType,
      data: resumes.data,
      reference: applications.reference,
    })
    .from(applications)
    .innerJoin(resumes, eq(resumes.id, applications.resumeId))
    .where(eq(applications.id, id))
    .get();
  if (!file) return null;
  recordAudit(
    ctx.db,
    { actorEmail: viewer.email, action: 'resume_download', applicationId: id, detail: disposition },
    ctx.now(),
  );
  return file;
}

export type ChangeStatusResult = 'changed' | 'unchanged' | 'not-found';

/** Moves an application along the pipeline, remembering who moved it from where, and when. */
export async function changeStatus(
  id: number,
  to: ApplicationStatus,
  context?: AdminContext,
): Promise<ChangeStatusResult> {
  const ctx = await authorize(context);
  const viewer = ctx.viewer;
  const now = ctx.now();
  return ctx.db.transaction((tx) => {
    const current = tx.select({ status: applications.status }).from(applications).where(eq(applications.id, id)).get();
    if (!current) return 'not-found';
    if (current.status === to) return 'unchanged';
    tx.update(applications).set({ status: to }).where(eq(applications.id, id)).run();
    tx.insert(statusChanges)
      .values({
        applicationId: id,
        fromStatus: current.status,
        toStatus: to,
        changedBy: viewer.userId,
        changedAt: new Date(now),
      })
      .run();
    recordAudit(
      tx,
      { actorEmail: viewer.email, action: 'status_change', applicationId: id, detail: `${current.status} → ${to}` },
      now,
    );
    return 'changed';
  }, IMMEDIATE);
}

export async function addNote(id: number, body: string, context?: AdminContext): Promise<boolean> {
  const ctx = await authorize(context);
  const viewer = ctx.viewer;
  const now = ctx.now();
  return ctx.db.transaction((tx) => {
    const exists = tx.select({ id: applications.id }).from(applications).where(eq(applications.id, id)).get();
    if (!exists) return false;
    tx.insert(applicationNotes)
      .values({ applicationId: id, authorId: viewer.userId, body, createdAt: new Date(now) })
      .run();
    recordAudit(tx, { actorEmail: viewer.email, action: 'note_added', applicationId: id }, now);
    return true;
  }, IMMEDIATE);
}
