import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { closeInterviewsSteps } from '@/features/interviews/booking';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { eraseSteps, removeErasedObject } from '@/features/privacy/erasure';
import { resumeStore } from '@/features/resumes/store';
import { queueWebhooks } from '@/features/webhooks/queue';
import { CANDIDATE_STATUS, isFinal } from '@/lib/status';
import { addressRateLimitKeys } from './access';
import { authorizeCandidate, type CandidateContext } from './context';

// A candidate's own applications, from their private link: each call authorises itself, and touches only
// the applications of the address the session was opened for.

/** The applications of the address, newest first, as the candidate may see them: never notes or stages. */
export async function listOwnApplications(context?: CandidateContext) {
  const { database, candidate } = await authorizeCandidate(context);
  const { db, t } = database;
  const a = t.applications;
  const rows = await db
    .select({
      id: a.id,
      postingTitle: a.postingTitle,
      reference: a.reference,
      createdAt: a.createdAt,
      status: a.status,
    })
    .from(a)
    .where(and(eq(a.emailKey, candidate.emailKey), isNull(a.erasedAt)))
    .orderBy(asc(a.createdAt));
  return rows
    .reverse()
    .map(({ status, ...row }) => ({ ...row, status: CANDIDATE_STATUS[status], open: !isFinal(status) }));
}

export type OwnResult = 'done' | 'not-found' | 'already-final';

/** Withdraws an open application, with the candidate's reason if they gave one; confirms it by email. */
export async function withdrawOwnApplication({
  id,
  reason,
  context,
}: {
  id: number;
  reason?: string;
  context?: CandidateContext;
}): Promise<OwnResult> {
  const { database, candidate, now: clock } = await authorizeCandidate(context);
  const { t } = database;
  const now = clock();
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, `application:${id}`);
    const a = t.applications;
    const application = yield* one(
      tx
        .select({
          status: a.status,
          email: a.email,
          postingTitle: a.postingTitle,
          postingSlug: a.postingSlug,
          reference: a.reference,
        })
        .from(a)
        .where(and(eq(a.id, id), eq(a.emailKey, candidate.emailKey), isNull(a.erasedAt))),
    );
    if (!application) return 'not-found';
    if (isFinal(application.status)) return 'already-final';
    yield* run(
      tx
        .update(a)
        .set({ status: 'withdrawn', decidedAt: new Date(now) })
        .where(eq(a.id, id)),
    );
    yield* run(
      tx.insert(t.statusChanges).values({
        applicationId: id,
        fromStatus: application.status,
        toStatus: 'withdrawn',
        changedBy: null,
        note: reason || null,
        changedAt: new Date(now),
      }),
    );
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: 'candidate', action: 'withdrawn', applicationId: id }, now }),
    );
    yield* closeInterviewsSteps({ database, tx, applicationId: id, actorEmail: 'candidate', now });
    const { postingTitle, reference } = application;
    const posting = { slug: application.postingSlug, title: postingTitle };
    const subject = {
      event: 'application.withdrawn' as const,
      application: { id, reference, status: 'withdrawn' as const, posting },
      previousStatus: application.status,
    };
    yield* queueWebhooks({ tx, t, subject, now });
    yield* run(
      queueMail({ db: tx, t, mail: mail('withdrawn', application.email, { postingTitle, reference }, id), now }),
    );
    return 'done';
  });
}

/** Erases one of the candidate's applications at once (GDPR Art. 17) and confirms it by email. */
export async function eraseOwnApplication({
  id,
  context,
}: {
  id: number;
  context?: CandidateContext;
}): Promise<OwnResult> {
  const { database, candidate, now: clock } = await authorizeCandidate(context);
  const { t } = database;
  const now = clock();
  const erased = await transaction(database, function* (tx) {
    yield* exclusive(database, tx, `application:${id}`);
    const owned = yield* one(
      tx
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(
          and(
            eq(t.applications.id, id),
            eq(t.applications.emailKey, candidate.emailKey),
            isNull(t.applications.erasedAt),
          ),
        ),
    );
    if (!owned) return null;
    const result = yield* eraseSteps({
      tx,
      t,
      id,
      now,
      notify: true,
      rateLimitKeys: addressRateLimitKeys,
      requested: true,
    });
    // Recorded without the data: who asked, which stub, when.
    yield* run(
      auditEntry({
        db: tx,
        t,
        entry: { actorEmail: 'candidate', action: 'erased', applicationId: id, detail: 'at the candidate’s request' },
        now,
      }),
    );
    return result;
  });
  await removeErasedObject({ store: resumeStore(), erased });
  return erased ? 'done' : 'not-found';
}
