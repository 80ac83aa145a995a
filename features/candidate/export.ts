import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { shownColumns } from '@/db/schema/personal-data';
import { resumeStore } from '@/features/resumes/store';
import { CANDIDATE_STATUS, type ApplicationStatus } from '@/lib/status';
import { authorizeCandidate, type CandidateContext } from './context';

// Long: one read of everything the site holds on the address, table by table, as the privacy notice lists it.
/**
 * Everything stored about the candidate's applications (GDPR Art. 15): every field, the answers, the status
 * history (when, not who, in the words their page uses), the emails sent about them, and the resumes
 * themselves. The hiring team's internal notes are not part of it.
 */
export async function exportOwnData(context?: CandidateContext) {
  const { database, candidate } = await authorizeCandidate(context);
  const { db, t } = database;
  const a = t.applications;
  // Typed open-ended: the declaration decides which personal fields are in it.
  const applications: ({ id: number; resumeId: string; status: ApplicationStatus } & Record<string, unknown>)[] =
    await db
      .select({
        id: a.id,
        reference: a.reference,
        posting: a.postingTitle,
        // Every field the personal-data declaration hands out, under its name there.
        ...Object.fromEntries(shownColumns('applications').map((c) => [c.key, a[c.column]])),
        consentGivenAt: a.consentAt,
        receivedAt: a.createdAt,
        status: a.status,
        resumeId: a.resumeId,
      })
      .from(a)
      .where(and(eq(a.emailKey, candidate.emailKey), isNull(a.erasedAt)))
      .orderBy(asc(a.id));
  const ids = applications.map((x) => x.id);
  const iv = t.interviews;
  // Typed open-ended, as above: the declaration decides which fields are in it.
  const [interviews, offered]: [
    ({ id: number; applicationId: number } & Record<string, unknown>)[],
    { interviewId: number; startsAt: Date }[],
  ] = ids.length
    ? await Promise.all([
        db
          .select({
            id: iv.id,
            applicationId: iv.applicationId,
            ...Object.fromEntries(shownColumns('interviews').map((c) => [c.key, iv[c.column]])),
          })
          .from(iv)
          .where(inArray(iv.applicationId, ids))
          .orderBy(asc(iv.id)),
        db
          .select({ interviewId: t.interviewSlots.interviewId, startsAt: t.interviewSlots.startsAt })
          .from(t.interviewSlots)
          .innerJoin(iv, eq(iv.id, t.interviewSlots.interviewId))
          .where(inArray(iv.applicationId, ids))
          .orderBy(asc(t.interviewSlots.startsAt)),
      ])
    : [[], []];
  const [history, emails, resumes] = ids.length
    ? await Promise.all([
        db
          .select({
            applicationId: t.statusChanges.applicationId,
            to: t.statusChanges.toStatus,
            at: t.statusChanges.changedAt,
            note: t.statusChanges.note,
          })
          .from(t.statusChanges)
          .where(inArray(t.statusChanges.applicationId, ids))
          .orderBy(asc(t.statusChanges.id)),
        db
          .select({
            applicationId: t.outbox.applicationId,
            kind: t.outbox.kind,
            status: t.outbox.status,
            createdAt: t.outbox.createdAt,
            sentAt: t.outbox.sentAt,
          })
          .from(t.outbox)
          .where(inArray(t.outbox.applicationId, ids))
          .orderBy(asc(t.outbox.id)),
        db
          .select({
            id: t.resumes.id,
            fileName: t.resumes.fileName,
            mediaType: t.resumes.mediaType,
            data: t.resumes.data,
            objectKey: t.resumes.objectKey,
          })
          .from(t.resumes)
          .where(
            inArray(
              t.resumes.id,
              applications.map((x) => x.resumeId),
            ),
          ),
      ])
    : [[], [], []];
  const files = await Promise.all(
    resumes.map(async (r) => ({
      resumeId: r.id,
      fileName: r.fileName,
      mediaType: r.mediaType,
      bytes: await resumeStore().read(r),
    })),
  );
  // Job alerts at the address: every field the declaration hands out, the same way.
  const s = t.alertSubscriptions;
  const jobAlerts = await db
    .select(Object.fromEntries(shownColumns('alertSubscriptions').map((c) => [c.key, s[c.column]])))
    .from(s)
    .where(eq(s.emailKey, candidate.emailKey))
    .orderBy(asc(s.id));
  return {
    jobAlerts,
    applications: applications.map(({ resumeId, id, status, ...application }) => ({
      ...application,
      status: CANDIDATE_STATUS[status],
      resume: files.find((f) => f.resumeId === resumeId)?.fileName ?? null,
      history: history
        .filter((h) => h.applicationId === id)
        .map(({ to, at, note }) => ({ status: CANDIDATE_STATUS[to], at, ...(note ? { note } : {}) })),
      emails: emails.filter((e) => e.applicationId === id).map(({ applicationId: _, ...e }) => e),
      interviews: interviews
        .filter((x) => x.applicationId === id)
        .map(({ id: interviewId, applicationId: _, ...interview }): Record<string, unknown> => ({
          ...(interview as Record<string, unknown>),
          offeredTimes: offered.filter((o) => o.interviewId === interviewId).map((o) => o.startsAt),
        })),
    })),
    resumes: files.map((f) => ({
      reference: applications.find((x) => x.resumeId === f.resumeId)!.reference,
      fileName: f.fileName,
      bytes: f.bytes,
    })),
  };
}
