import 'server-only';
import { and, asc, count, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { auditEntry } from '@/db/audit-log';
import type { Tables } from '@/db/database';
import { rows } from '@/db/dialect';
import { queueMail } from '@/db/outbox';
import { resumeStore } from '@/db/storage/resume-store';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { COUNT_CAP } from '@/lib/admin/counts';
import type { InboxFilter } from '@/lib/admin/filter';
import { APPLICATION_STATUSES, isFinal, type ApplicationStatus } from '@/lib/application/status';
import { mail } from '@/lib/mail/messages';
import { authorizeApplication, authorizeScoped, canSeePosting, postingScope } from './access';
import type { AdminContext } from './context';
import { filterSql } from './filter-sql';

export const PAGE_SIZE = 50;

const listColumns = (t: Tables) => ({
  id: t.applications.id,
  fullName: t.applications.fullName,
  email: t.applications.email,
  postingSlug: t.applications.postingSlug,
  postingTitle: t.applications.postingTitle,
  status: t.applications.status,
  createdAt: t.applications.createdAt,
});

/** One page of the inbox, newest first, by keyset on id: fetching one row more tells whether a next page exists. */
export async function listApplications(filter: InboxFilter, before: number | undefined, context?: AdminContext) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const { where, key, joinSearch } = await filterSql(database, filter, { slugs, viewerId: viewer.userId });
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
export async function countByStatus(filter: InboxFilter, context?: AdminContext) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  if (!filter.q && !filter.from && !filter.to && !filter.source && !filter.assigned) {
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
  const { where, joinSearch } = await filterSql(database, filter, {
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

/** Everything about one application except the resume bytes, with its status history and notes; null when missing. */
export async function getApplication(id: number, context?: AdminContext) {
  const allowed = await authorizeApplication(id, 'open the application', context);
  if (!allowed) return null;
  const { database } = allowed;
  const { db, t } = database;
  const [application] = await db
    .select({
      ...listColumns(t),
      reference: t.applications.reference,
      phone: t.applications.phone,
      location: t.applications.location,
      profileUrl: t.applications.profileUrl,
      coverLetter: t.applications.coverLetter,
      answers: t.applications.answers,
      source: t.applications.source,
      sourceMedium: t.applications.sourceMedium,
      sourceCampaign: t.applications.sourceCampaign,
      referrer: t.applications.referrer,
      // When the version the candidate read was first stored; null for applications from before versions.
      versionAt: t.postingVersions.createdAt,
      consentAt: t.applications.consentAt,
      decidedAt: t.applications.decidedAt,
      erasedAt: t.applications.erasedAt,
      assigneeId: t.applications.assigneeId,
      resumeFileName: t.resumes.fileName,
      resumeMediaType: t.resumes.mediaType,
      resumeSize: t.resumes.size,
    })
    .from(t.applications)
    .innerJoin(t.resumes, eq(t.resumes.id, t.applications.resumeId))
    .leftJoin(t.postingVersions, eq(t.postingVersions.hash, t.applications.postingVersion))
    .where(eq(t.applications.id, id))
    .limit(1);
  if (!application) return null;
  const [history, notes] = await Promise.all([
    db
      .select({
        id: t.statusChanges.id,
        from: t.statusChanges.fromStatus,
        to: t.statusChanges.toStatus,
        // No admin: the candidate changed it themselves (a withdrawal), with their reason if they gave one.
        by: t.adminUsers.email,
        note: t.statusChanges.note,
        at: t.statusChanges.changedAt,
      })
      .from(t.statusChanges)
      .leftJoin(t.adminUsers, eq(t.adminUsers.id, t.statusChanges.changedBy))
      .where(eq(t.statusChanges.applicationId, id))
      .orderBy(asc(t.statusChanges.id)),
    db
      .select({
        id: t.applicationNotes.id,
        body: t.applicationNotes.body,
        author: t.adminUsers.email,
        at: t.applicationNotes.createdAt,
      })
      .from(t.applicationNotes)
      .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.applicationNotes.authorId))
      .where(eq(t.applicationNotes.applicationId, id))
      .orderBy(asc(t.applicationNotes.id)),
  ]);
  return { ...application, history, notes };
}

/** The newer and older application within the same filter, for previous/next links. */
export async function getNeighbours(id: number, filter: InboxFilter, context?: AdminContext) {
  const { database, slugs, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const { where, key, joinSearch } = await filterSql(database, filter, { slugs, viewerId: viewer.userId });
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

/** The resume file of an application, recorded in the audit log; null when it is missing or erased. */
export async function getResumeFile(id: number, disposition: 'inline' | 'attachment', context?: AdminContext) {
  const allowed = await authorizeApplication(id, 'read the resume', context);
  if (!allowed) return null;
  const { database, viewer, now } = allowed;
  const { db, t } = database;
  const [file] = await db
    .select({
      fileName: t.resumes.fileName,
      mediaType: t.resumes.mediaType,
      data: t.resumes.data,
      objectKey: t.resumes.objectKey,
      reference: t.applications.reference,
    })
    .from(t.applications)
    .innerJoin(t.resumes, eq(t.resumes.id, t.applications.resumeId))
    .where(and(eq(t.applications.id, id), isNull(t.applications.erasedAt)))
    .limit(1);
  if (!file) return null;
  const data = await resumeStore().read(file);
  await auditEntry(
    db,
    t,
    { actorEmail: viewer.email, action: 'resume_download', applicationId: id, detail: disposition },
    now(),
  );
  return { fileName: file.fileName, mediaType: file.mediaType, reference: file.reference, data };
}

export type ChangeStatusResult = 'changed' | 'unchanged' | 'not-found';

/**
 * Moves an application along the pipeline, remembering who moved it from where, and when; a final status
 * starts the retention period (decidedAt), moving back out of one stops it. With `message`, the email the
 * admin wrote to the candidate is queued in the same transaction, so it goes if and only if the change is made.
 */
export async function changeStatus(
  id: number,
  to: ApplicationStatus,
  context?: AdminContext,
  { message }: { message?: string } = {},
): Promise<ChangeStatusResult> {
  const allowed = await authorizeApplication(id, `move to ${to}`, context);
  if (!allowed) return 'not-found';
  const { database, viewer, now: clock } = allowed;
  const { t } = database;
  const a = t.applications;
  const now = clock();
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, `application:${id}`);
    const current = yield* one(
      tx
        .select({ status: a.status, decidedAt: a.decidedAt, email: a.email, postingTitle: a.postingTitle })
        .from(a)
        .where(and(eq(a.id, id), isNull(a.erasedAt))),
    );
    if (!current) return 'not-found';
    if (current.status === to) return 'unchanged';
    const decidedAt = isFinal(to) ? (isFinal(current.status) ? current.decidedAt : new Date(now)) : null;
    yield* run(tx.update(a).set({ status: to, decidedAt }).where(eq(a.id, id)));
    yield* run(
      tx.insert(t.statusChanges).values({
        applicationId: id,
        fromStatus: current.status,
        toStatus: to,
        changedBy: viewer.userId,
        changedAt: new Date(now),
      }),
    );
    yield* run(
      auditEntry(
        tx,
        t,
        { actorEmail: viewer.email, action: 'status_change', applicationId: id, detail: `${current.status} → ${to}` },
        now,
      ),
    );
    if (message) {
      const email = mail('status_update', current.email, { postingTitle: current.postingTitle, message }, id);
      yield* run(queueMail(tx, t, email, now));
      yield* run(
        auditEntry(
          tx,
          t,
          { actorEmail: viewer.email, action: 'mail_sent', applicationId: id, detail: `status: ${to}` },
          now,
        ),
      );
    }
    return 'changed';
  });
}

export async function addNote(id: number, body: string, context?: AdminContext): Promise<boolean> {
  const allowed = await authorizeApplication(id, 'add a note', context);
  if (!allowed) return false;
  const { database, viewer, now: clock } = allowed;
  const { t } = database;
  const now = clock();
  return transaction(database, function* (tx) {
    const exists = yield* one(
      tx
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(and(eq(t.applications.id, id), isNull(t.applications.erasedAt))),
    );
    if (!exists) return false;
    yield* run(
      tx
        .insert(t.applicationNotes)
        .values({ applicationId: id, authorId: viewer.userId, body, createdAt: new Date(now) }),
    );
    yield* run(auditEntry(tx, t, { actorEmail: viewer.email, action: 'note_added', applicationId: id }, now));
    return true;
  });
}
