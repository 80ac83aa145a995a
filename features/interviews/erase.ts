import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppDb, Tables } from '@/db/database';
import { all, run, type Steps } from '@/db/transaction';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { site } from '@/lib/site';

// An erased application's interviews go with it. One still to come is taken out of the interviewers'
// calendars first: the cancellation of the same event (same UID, next sequence), under a title that names
// nobody, since the event they hold names the candidate. Shared by the site and the worker (retention), so no
// `server-only`.

export function* eraseInterviewsSteps({
  tx,
  t,
  applicationId,
  now,
}: {
  tx: AppDb;
  t: Tables;
  applicationId: number;
  now: number;
}): Steps<void> {
  const i = t.interviews;
  const coming = yield* all(
    tx
      .select({
        id: i.id,
        uid: i.uid,
        sequence: i.sequence,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        timeZone: i.timeZone,
      })
      .from(i)
      .where(and(eq(i.applicationId, applicationId), eq(i.status, 'booked'), gt(i.startsAt, new Date(now))))
      .orderBy(asc(i.id)),
  );
  for (const interview of coming) {
    const interviewers = yield* all(
      tx
        .select({ email: t.adminUsers.email })
        .from(t.interviewInterviewers)
        .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.interviewInterviewers.userId))
        .where(eq(t.interviewInterviewers.interviewId, interview.id)),
    );
    const event = {
      uid: interview.uid,
      sequence: interview.sequence + 1,
      title: 'Interview (cancelled: the application was erased)',
      description: 'The application was erased; nothing about the candidate is kept.',
      location: '',
      start: interview.startsAt!.toISOString(),
      end: interview.endsAt!.toISOString(),
      organizer: { name: `${site.companyName} Careers`, email: site.contactEmail },
      attendees: interviewers.map((person) => ({ email: person.email })),
    };
    for (const person of interviewers) {
      const data = {
        postingTitle: 'an erased application',
        candidateName: 'Erased applicant',
        applicationId,
        change: 'cancelled' as const,
        zone: interview.timeZone,
        message: null,
        event,
      };
      yield* run(
        queueMail({ db: tx, t, mail: mail('interview_calendar_team', person.email, data, applicationId), now }),
      );
    }
  }
  // The offered times and the interviewers go with each interview (their foreign keys cascade).
  yield* run(tx.delete(i).where(eq(i.applicationId, applicationId)));
}
