import { and, asc, eq, gt, isNull, lte, type SQL } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, exclusive, one, run, transaction, type Steps } from '@/db/transaction';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { DAY_MS } from '@/lib/days';

// What the worker does around a booked interview: the day before, a reminder to everyone; once it is over, a
// request to each interviewer for their scorecard. Each is claimed by one conditional update, so several
// workers (or a restart) send it once; a move clears both (features/interviews/booking.ts). Shared with the
// worker, which runs outside Next, so no `server-only`.

/** Interviews looked at per run: a backlog (a worker that was down) is worked through over the next runs. */
const BATCH = 100;
/** An interview over for longer than this gets no request any more (a worker down for days, a restored backup). */
const FEEDBACK_WINDOW_MS = 7 * DAY_MS;

type Due = { id: number; applicationId: number };

type Claimed = {
  id: number;
  applicationId: number;
  title: string;
  location: string;
  timeZone: string;
  candidateTimeZone: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  updatedAt: Date;
};

/** The application (unless erased) and the interviewers of a claimed interview. */
function* peopleOf(tx: AppDb, t: Tables, interview: Claimed) {
  const application = yield* one(
    tx
      .select({
        email: t.applications.email,
        fullName: t.applications.fullName,
        postingTitle: t.applications.postingTitle,
      })
      .from(t.applications)
      .where(and(eq(t.applications.id, interview.applicationId), isNull(t.applications.erasedAt))),
  );
  const interviewers = yield* all(
    tx
      .select({ email: t.adminUsers.email })
      .from(t.interviewInterviewers)
      .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.interviewInterviewers.userId))
      .where(and(eq(t.interviewInterviewers.interviewId, interview.id), isNull(t.adminUsers.disabledAt)))
      .orderBy(asc(t.adminUsers.id)),
  );
  return { application, interviewers };
}

const CLAIMED = (t: Tables) => ({
  id: t.interviews.id,
  applicationId: t.interviews.applicationId,
  title: t.interviews.title,
  location: t.interviews.location,
  timeZone: t.interviews.timeZone,
  candidateTimeZone: t.interviews.candidateTimeZone,
  startsAt: t.interviews.startsAt,
  endsAt: t.interviews.endsAt,
  updatedAt: t.interviews.updatedAt,
});

/**
 * Claims a booked interview for one follow-up: under the application's lock (as everything that changes it
 * takes, so nothing is queued beside its erasure), one conditional update that only one run can make.
 */
function* claimSteps({
  database,
  tx,
  due,
  set,
  when,
}: {
  database: Database;
  tx: AppDb;
  due: Due;
  set: { remindedAt: Date } | { feedbackAskedAt: Date };
  when: SQL | undefined;
}) {
  const { t } = database;
  const i = t.interviews;
  yield* exclusive(database, tx, `application:${due.applicationId}`);
  return yield* one(
    tx
      .update(i)
      .set(set)
      .where(and(eq(i.id, due.id), eq(i.status, 'booked'), when))
      .returning(CLAIMED(t)),
  );
}

/** The reminders of one interview, if this transaction is the one that claims it. */
function* remindSteps({
  database,
  tx,
  due,
  now,
}: {
  database: Database;
  tx: AppDb;
  due: Due;
  now: number;
}): Steps<boolean> {
  const { t } = database;
  const i = t.interviews;
  const interview = yield* claimSteps({
    database,
    tx,
    due,
    set: { remindedAt: new Date(now) },
    when: and(isNull(i.remindedAt), gt(i.startsAt, new Date(now))),
  });
  if (!interview) return false;
  // Booked less than a day ahead: the invitation has just said it all.
  if (interview.startsAt!.getTime() - interview.updatedAt.getTime() < DAY_MS) return false;
  const { application, interviewers } = yield* peopleOf(tx, t, interview);
  if (!application) return false;
  const base = {
    postingTitle: application.postingTitle,
    title: interview.title,
    location: interview.location,
    start: interview.startsAt!.toISOString(),
    end: interview.endsAt!.toISOString(),
  };
  const zone = interview.candidateTimeZone ?? interview.timeZone;
  const applicationId = interview.applicationId;
  yield* run(
    queueMail({
      db: tx,
      t,
      mail: mail('interview_reminder', application.email, { ...base, zone }, applicationId),
      now,
    }),
  );
  for (const person of interviewers) {
    const data = { ...base, zone: interview.timeZone, candidateName: application.fullName, applicationId };
    yield* run(queueMail({ db: tx, t, mail: mail('interview_reminder_team', person.email, data, applicationId), now }));
  }
  return true;
}

/** The scorecard requests of one interview that is over, if this transaction claims it. */
function* feedbackSteps({
  database,
  tx,
  due,
  now,
}: {
  database: Database;
  tx: AppDb;
  due: Due;
  now: number;
}): Steps<boolean> {
  const { t } = database;
  const i = t.interviews;
  const interview = yield* claimSteps({
    database,
    tx,
    due,
    set: { feedbackAskedAt: new Date(now) },
    when: and(isNull(i.feedbackAskedAt), lte(i.endsAt, new Date(now))),
  });
  if (!interview) return false;
  const { application, interviewers } = yield* peopleOf(tx, t, interview);
  if (!application) return false;
  for (const person of interviewers) {
    const data = {
      postingTitle: application.postingTitle,
      title: interview.title,
      candidateName: application.fullName,
      applicationId: interview.applicationId,
    };
    yield* run(
      queueMail({ db: tx, t, mail: mail('interview_feedback', person.email, data, interview.applicationId), now }),
    );
  }
  return true;
}

/** Queues the reminders due (interviews within a day) and the scorecard requests due (interviews just over). */
export async function queueInterviewFollowUps({
  database,
  now,
}: {
  database: Database;
  now: number;
}): Promise<{ reminded: number; asked: number }> {
  const { db, t } = database;
  const i = t.interviews;
  const [soon, over] = await Promise.all([
    db
      .select({ id: i.id, applicationId: i.applicationId })
      .from(i)
      .where(
        and(
          eq(i.status, 'booked'),
          isNull(i.remindedAt),
          gt(i.startsAt, new Date(now)),
          lte(i.startsAt, new Date(now + DAY_MS)),
        ),
      )
      .orderBy(asc(i.startsAt))
      .limit(BATCH),
    db
      .select({ id: i.id, applicationId: i.applicationId })
      .from(i)
      .where(
        and(
          eq(i.status, 'booked'),
          isNull(i.feedbackAskedAt),
          lte(i.endsAt, new Date(now)),
          gt(i.endsAt, new Date(now - FEEDBACK_WINDOW_MS)),
        ),
      )
      .orderBy(asc(i.endsAt))
      .limit(BATCH),
  ]);
  let reminded = 0;
  let asked = 0;
  for (const due of soon) if (await transaction(database, (tx) => remindSteps({ database, tx, due, now }))) reminded++;
  for (const due of over) if (await transaction(database, (tx) => feedbackSteps({ database, tx, due, now }))) asked++;
  return { reminded, asked };
}
