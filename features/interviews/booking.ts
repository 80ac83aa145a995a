import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, exclusive, one, run, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { queueWebhooks } from '@/features/webhooks/queue';
import { isFinal } from '@/lib/status';
import type { InterviewChange } from './mail-event';
import { declinedSteps, interviewSubject, notifySteps } from './notify';

// The steps every change of an interview's time takes, whoever makes it (the candidate from their page, the
// team from the application's): lock the interview, then each interviewer in id order, check that nobody is
// booked twice, write, and queue the calendar emails in the same transaction. On PostgreSQL the locks make
// two bookings of one interviewer's time run one after the other, so the second sees the first and is refused;
// SQLite runs write transactions one at a time already.

const MINUTE = 60_000;

/** Who acts: the candidate (by their address's key) or a team member (by their email, for the audit log). */
export type Actor = { kind: 'candidate'; emailKey: string } | { kind: 'team'; email: string };

/** The interview with its application, under its lock; undefined when it is not the actor's or is erased. */
export function* loadSteps({
  database,
  tx,
  interviewId,
  actor,
}: {
  database: Database;
  tx: AppDb;
  interviewId: number;
  actor: Actor;
}) {
  const { t } = database;
  const i = t.interviews;
  const a = t.applications;
  // The application's lock first, as every change of an application takes it (a status change, an erasure):
  // an interview is never booked beside an erasure or a rejection that has not seen it. Then the interview's.
  const of = yield* one(tx.select({ applicationId: i.applicationId }).from(i).where(eq(i.id, interviewId)));
  if (!of) return undefined;
  yield* exclusive(database, tx, `application:${of.applicationId}`);
  yield* exclusive(database, tx, `interview:${interviewId}`);
  const row = yield* one(
    tx
      .select({
        interview: i,
        application: {
          id: a.id,
          email: a.email,
          emailKey: a.emailKey,
          fullName: a.fullName,
          reference: a.reference,
          postingSlug: a.postingSlug,
          postingTitle: a.postingTitle,
          status: a.status,
          erasedAt: a.erasedAt,
        },
      })
      .from(i)
      .innerJoin(a, eq(a.id, i.applicationId))
      .where(eq(i.id, interviewId)),
  );
  if (!row || row.application.erasedAt) return undefined;
  if (actor.kind === 'candidate' && row.application.emailKey !== actor.emailKey) return undefined;
  const interviewers = yield* all(
    tx
      .select({ id: t.adminUsers.id, email: t.adminUsers.email })
      .from(t.interviewInterviewers)
      .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.interviewInterviewers.userId))
      // A disabled account is no longer on the team: it gets no invitation and no candidate's name.
      .where(and(eq(t.interviewInterviewers.interviewId, interviewId), isNull(t.adminUsers.disabledAt)))
      .orderBy(asc(t.adminUsers.id)),
  );
  return { ...row, interviewers };
}

/** Whether any of these interviewers is booked elsewhere at a time overlapping [start, end). */
export function* overlapSteps({
  tx,
  t,
  userIds,
  start,
  end,
  exceptInterviewId,
}: {
  tx: AppDb;
  t: Tables;
  userIds: number[];
  start: number;
  end: number;
  exceptInterviewId?: number;
}): Steps<boolean> {
  if (!userIds.length) return false;
  const i = t.interviews;
  const clash = yield* one(
    tx
      .select({ id: i.id })
      .from(i)
      .innerJoin(t.interviewInterviewers, eq(t.interviewInterviewers.interviewId, i.id))
      .where(
        and(
          inArray(t.interviewInterviewers.userId, userIds),
          eq(i.status, 'booked'),
          lt(i.startsAt, new Date(end)),
          gt(i.endsAt, new Date(start)),
          exceptInterviewId === undefined ? undefined : ne(i.id, exceptInterviewId),
        ),
      )
      .limit(1),
  );
  return clash !== undefined;
}

/** Takes each interviewer's lock in id order (the same order everywhere, so two bookings cannot deadlock). */
export function* lockInterviewers(database: Database, tx: AppDb, userIds: number[]): Steps<void> {
  for (const id of [...userIds].sort((a, b) => a - b)) yield* exclusive(database, tx, `interviewer:${id}`);
}

export type BookResult =
  | 'booked'
  | 'moved'
  | 'unchanged'
  | 'taken'
  | 'not-offered'
  | 'past'
  | 'too-late'
  | 'cancelled'
  | 'closed'
  | 'not-found';

/**
 * Books the interview at `start` (the candidate: one of the offered times; the team: any time to come), or moves
 * it there if it was booked. The candidate may not change it closer to the interview than its cut-off.
 */
export function* bookSteps({
  database,
  tx,
  interviewId,
  start,
  actor,
  candidateTimeZone,
  message = null,
  now,
}: {
  database: Database;
  tx: AppDb;
  interviewId: number;
  start: number;
  actor: Actor;
  candidateTimeZone?: string;
  message?: string | null;
  now: number;
}): Steps<BookResult> {
  const { t } = database;
  const loaded = yield* loadSteps({ database, tx, interviewId, actor });
  if (!loaded) return 'not-found';
  const { interview, application, interviewers } = loaded;
  if (interview.status === 'cancelled') return 'cancelled';
  if (isFinal(application.status)) return 'closed';
  if (start <= now) return 'past';
  const candidate = actor.kind === 'candidate';
  const cutoff = interview.cutoffHours * 60 * MINUTE;
  // The candidate keeps to the cut-off both ways: no change close to the booked time, no new time that close.
  if (candidate && start - cutoff <= now) return 'too-late';
  if (candidate && interview.startsAt && interview.startsAt.getTime() - interview.cutoffHours * 60 * MINUTE <= now)
    return 'too-late';
  if (candidate) {
    const offered = yield* one(
      tx
        .select({ startsAt: t.interviewSlots.startsAt })
        .from(t.interviewSlots)
        .where(and(eq(t.interviewSlots.interviewId, interviewId), eq(t.interviewSlots.startsAt, new Date(start)))),
    );
    if (!offered) return 'not-offered';
  }
  if (interview.status === 'booked' && interview.startsAt?.getTime() === start) return 'unchanged';
  const end = start + interview.durationMinutes * MINUTE;
  const userIds = interviewers.map((person) => person.id);
  yield* lockInterviewers(database, tx, userIds);
  if (yield* overlapSteps({ tx, t, userIds, start, end, exceptInterviewId: interviewId })) return 'taken';
  const change: InterviewChange = interview.status === 'booked' ? 'moved' : 'booked';
  const sequence = change === 'moved' ? interview.sequence + 1 : interview.sequence;
  const updated = {
    ...interview,
    status: 'booked' as const,
    startsAt: new Date(start),
    endsAt: new Date(end),
    sequence,
    candidateTimeZone: candidateTimeZone ?? interview.candidateTimeZone,
    message: candidate ? interview.message : message,
    // A new time: its reminder and scorecard requests are due again.
    remindedAt: null,
    feedbackAskedAt: null,
    updatedAt: new Date(now),
  };
  const { id: _, ...values } = updated;
  yield* run(tx.update(t.interviews).set(values).where(eq(t.interviews.id, interviewId)));
  yield* notifySteps({
    tx,
    t,
    loaded: { ...loaded, interview: updated },
    change,
    message: candidate ? null : message,
    now,
  });
  yield* queueWebhooks({ tx, t, subject: interviewSubject('interview.booked', loaded, updated), now });
  yield* run(
    auditEntry({
      db: tx,
      t,
      entry: {
        actorEmail: candidate ? 'candidate' : actor.email,
        action: change === 'moved' ? 'interview_moved' : 'interview_booked',
        applicationId: application.id,
        detail: `interview ${interviewId}`,
      },
      now,
    }),
  );
  return change;
}

export type CancelResult = 'cancelled' | 'already' | 'too-late' | 'not-found';

/** Cancels the interview; if a time was booked, everyone gets the calendar's cancellation of the same event. */
export function* cancelSteps({
  database,
  tx,
  interviewId,
  actor,
  message = null,
  now,
  closing = false,
}: {
  database: Database;
  tx: AppDb;
  interviewId: number;
  actor: Actor;
  message?: string | null;
  now: number;
  /** The application is closing (rejected, hired, withdrawn): cancelled whatever the cut-off. */
  closing?: boolean;
}): Steps<CancelResult> {
  const { t } = database;
  const loaded = yield* loadSteps({ database, tx, interviewId, actor });
  if (!loaded) return 'not-found';
  const { interview, application } = loaded;
  if (interview.status === 'cancelled') return 'already';
  const candidate = actor.kind === 'candidate';
  if (
    candidate &&
    !closing &&
    interview.startsAt &&
    interview.startsAt.getTime() - interview.cutoffHours * 60 * MINUTE <= now
  )
    return 'too-late';
  const wasBooked = interview.status === 'booked';
  const updated = {
    ...interview,
    status: 'cancelled' as const,
    sequence: wasBooked ? interview.sequence + 1 : interview.sequence,
    message: candidate ? interview.message : message,
    updatedAt: new Date(now),
  };
  const { id: _, ...values } = updated;
  yield* run(tx.update(t.interviews).set(values).where(eq(t.interviews.id, interviewId)));
  if (wasBooked)
    yield* notifySteps({ tx, t, loaded: { ...loaded, interview: updated }, change: 'cancelled', message, now });
  // No time was booked, so no calendar holds it: the other side is told in words (a closing application's
  // candidate hears of the decision itself).
  else if (candidate) yield* declinedSteps({ tx, t, loaded, now });
  else if (!closing) {
    const data = { postingTitle: application.postingTitle, title: interview.title, message };
    yield* run(
      queueMail({ db: tx, t, mail: mail('interview_called_off', application.email, data, application.id), now }),
    );
  }
  yield* queueWebhooks({ tx, t, subject: interviewSubject('interview.cancelled', loaded, updated), now });
  yield* run(
    auditEntry({
      db: tx,
      t,
      entry: {
        actorEmail: candidate ? 'candidate' : actor.email,
        action: 'interview_cancelled',
        applicationId: application.id,
        detail: `interview ${interviewId}${candidate ? ' by the candidate' : ''}`,
      },
      now,
    }),
  );
  return 'cancelled';
}

/** Cancels every interview of an application that is closing, in the closing's transaction (its lock held). */
export function* closeInterviewsSteps({
  database,
  tx,
  applicationId,
  actorEmail,
  now,
}: {
  database: Database;
  tx: AppDb;
  applicationId: number;
  actorEmail: string;
  now: number;
}): Steps<void> {
  const { t } = database;
  const open = yield* all(
    tx
      .select({ id: t.interviews.id })
      .from(t.interviews)
      .where(and(eq(t.interviews.applicationId, applicationId), ne(t.interviews.status, 'cancelled')))
      .orderBy(asc(t.interviews.id)),
  );
  for (const { id } of open)
    yield* cancelSteps({
      database,
      tx,
      interviewId: id,
      actor: { kind: 'team', email: actorEmail },
      now,
      closing: true,
    });
}
