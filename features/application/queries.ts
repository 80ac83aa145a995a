import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { listColumns } from '@/features/inbox/queries';
import { resumeStore } from '@/features/resumes/store';
import { authorizeApplication } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

// Long: one application with its history, notes and resume facts, read in one authorised call.
/** Everything about one application except the resume bytes, with its status history and notes; null when missing. */
export async function getApplication({ id, context }: { id: number; context?: AdminContext }) {
  const allowed = await authorizeApplication({ id, attempted: 'open the application', context });
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

/** The resume file of an application, recorded in the audit log; null when it is missing or erased. */
export async function getResumeFile({
  id,
  disposition,
  context,
}: {
  id: number;
  disposition: 'inline' | 'attachment';
  context?: AdminContext;
}) {
  const allowed = await authorizeApplication({ id, attempted: 'read the resume', context });
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
  await auditEntry({
    db,
    t,
    entry: { actorEmail: viewer.email, action: 'resume_download', applicationId: id, detail: disposition },
    now: now(),
  });
  return { fileName: file.fileName, mediaType: file.mediaType, reference: file.reference, data };
}

export async function addNote({
  id,
  body,
  context,
}: {
  id: number;
  body: string;
  context?: AdminContext;
}): Promise<boolean> {
  const allowed = await authorizeApplication({ id, attempted: 'add a note', context });
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
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'note_added', applicationId: id }, now }),
    );
    return true;
  });
}
