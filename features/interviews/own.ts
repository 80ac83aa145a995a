import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { transaction } from '@/db/transaction';
import { authorizeCandidate, type CandidateContext } from '@/features/candidate/context';
import { isFinal } from '@/lib/status';
import { bookSteps, cancelSteps, type BookResult, type CancelResult } from './booking';

// The candidate's side of interviews, from their private page: see what the team proposed, choose a time,
// change it or cancel until the cut-off. Each call authorises on the session's address; the booking steps
// check again that the interview is on one of that address's applications.

const MINUTE = 60_000;

/**
 * The candidate's interviews, newest first, each with the offered times still free: to come, and not taken
 * meanwhile by another booking of one of its interviewers.
 */
export async function listOwnInterviews(context?: CandidateContext) {
  const { database, candidate, now: clock } = await authorizeCandidate(context);
  const { db, t } = database;
  const now = clock();
  const i = t.interviews;
  const a = t.applications;
  const rows = await db
    .select({
      id: i.id,
      postingTitle: a.postingTitle,
      applicationStatus: a.status,
      title: i.title,
      kind: i.kind,
      durationMinutes: i.durationMinutes,
      location: i.location,
      timeZone: i.timeZone,
      candidateTimeZone: i.candidateTimeZone,
      cutoffHours: i.cutoffHours,
      status: i.status,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      message: i.message,
    })
    .from(i)
    .innerJoin(a, eq(a.id, i.applicationId))
    .where(and(eq(a.emailKey, candidate.emailKey), isNull(a.erasedAt)))
    .orderBy(asc(i.id));
  const ids = rows.map((row) => row.id);
  if (!ids.length) return [];
  const [slots, people] = await Promise.all([
    db
      .select()
      .from(t.interviewSlots)
      .where(and(inArray(t.interviewSlots.interviewId, ids), gt(t.interviewSlots.startsAt, new Date(now))))
      .orderBy(asc(t.interviewSlots.startsAt)),
    db
      .select({ interviewId: t.interviewInterviewers.interviewId, userId: t.interviewInterviewers.userId })
      .from(t.interviewInterviewers)
      .where(inArray(t.interviewInterviewers.interviewId, ids)),
  ]);
  // The interviewers' bookings over the offered times' span: a time that overlaps one is not offered any more.
  const last = slots.at(-1)?.startsAt.getTime() ?? now;
  const userIds = [...new Set(people.map((person) => person.userId))];
  const booked = userIds.length
    ? await db
        .select({ id: i.id, userId: t.interviewInterviewers.userId, startsAt: i.startsAt, endsAt: i.endsAt })
        .from(i)
        .innerJoin(t.interviewInterviewers, eq(t.interviewInterviewers.interviewId, i.id))
        .where(
          and(
            inArray(t.interviewInterviewers.userId, userIds),
            eq(i.status, 'booked'),
            gt(i.endsAt, new Date(now)),
            lt(i.startsAt, new Date(last + 8 * 60 * MINUTE)),
          ),
        )
    : [];
  return rows.reverse().map((interview) => {
    const mine = new Set(people.filter((person) => person.interviewId === interview.id).map((person) => person.userId));
    const clashes = booked.filter((b) => b.id !== interview.id && mine.has(b.userId));
    const free = slots
      .filter((slot) => slot.interviewId === interview.id)
      .map((slot) => slot.startsAt.getTime())
      .filter((start) => {
        const end = start + interview.durationMinutes * MINUTE;
        // A time inside the cut-off could not be changed once booked: it is the team's to arrange.
        if (start - interview.cutoffHours * 60 * MINUTE <= now) return false;
        return !clashes.some((b) => b.startsAt!.getTime() < end && b.endsAt!.getTime() > start);
      });
    const { applicationStatus, ...shown } = interview;
    const changeable =
      interview.status !== 'cancelled' &&
      !isFinal(applicationStatus) &&
      (!interview.startsAt || interview.startsAt.getTime() - interview.cutoffHours * 60 * MINUTE > now);
    return { ...shown, free, changeable };
  });
}

export type OwnInterview = Awaited<ReturnType<typeof listOwnInterviews>>[number];

/** Books one of the offered times (or moves the booking to another), first come, first served. */
export async function bookOwnInterview({
  interviewId,
  start,
  timeZone,
  context,
}: {
  interviewId: number;
  start: number;
  timeZone: string;
  context?: CandidateContext;
}): Promise<BookResult> {
  const { database, candidate, now: clock } = await authorizeCandidate(context);
  const now = clock();
  return transaction(database, (tx) =>
    bookSteps({
      database,
      tx,
      interviewId,
      start,
      actor: { kind: 'candidate', emailKey: candidate.emailKey },
      candidateTimeZone: timeZone,
      now,
    }),
  );
}

export async function cancelOwnInterview({
  interviewId,
  context,
}: {
  interviewId: number;
  context?: CandidateContext;
}): Promise<CancelResult> {
  const { database, candidate, now: clock } = await authorizeCandidate(context);
  const now = clock();
  return transaction(database, (tx) =>
    cancelSteps({ database, tx, interviewId, actor: { kind: 'candidate', emailKey: candidate.emailKey }, now }),
  );
}
