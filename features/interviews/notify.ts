import 'server-only';
import type { AppDb, Tables } from '@/db/database';
import { run, type Steps } from '@/db/transaction';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import type { WebhookSubject } from '@/features/webhooks/payloads';
import { INTERVIEW_KIND_LABELS } from '@/lib/interview';
import { absoluteUrl, site } from '@/lib/site';
import type { loadSteps } from './booking';
import type { CalendarEvent } from './ics';
import type { InterviewChange } from './mail-event';

// Who hears of an interview's change, written inside the change's transaction (features/interviews/booking.ts):
// the calendar emails, the words when no time was booked, and what a webhook receiver is told.

export type Loaded = NonNullable<ReturnType<typeof loadSteps> extends Steps<infer T> ? T : never>;

/** What a webhook receiver hears of an interview's change: ids, the posting, when; nobody's name. */
export function interviewSubject(
  event: 'interview.booked' | 'interview.cancelled',
  { application }: Loaded,
  interview: Loaded['interview'],
): WebhookSubject {
  return {
    event,
    application: {
      id: application.id,
      reference: application.reference,
      status: application.status,
      posting: { slug: application.postingSlug, title: application.postingTitle },
    },
    interview: {
      id: interview.id,
      kind: interview.kind,
      status: interview.status,
      startsAt: interview.startsAt?.toISOString() ?? null,
      endsAt: interview.endsAt?.toISOString() ?? null,
    },
  };
}

/** The candidate could make none of the times offered: each interviewer hears of it. */
export function* declinedSteps({
  tx,
  t,
  loaded,
  now,
}: {
  tx: AppDb;
  t: Tables;
  loaded: Loaded;
  now: number;
}): Steps<void> {
  const { interview, application, interviewers } = loaded;
  for (const person of interviewers) {
    const data = {
      postingTitle: application.postingTitle,
      title: interview.title,
      candidateName: application.fullName,
      applicationId: application.id,
    };
    yield* run(queueMail({ db: tx, t, mail: mail('interview_declined', person.email, data, application.id), now }));
  }
}

/** One calendar email to the candidate and one to each interviewer, all for the same event. */
export function* notifySteps({
  tx,
  t,
  loaded,
  change,
  message,
  now,
}: {
  tx: AppDb;
  t: Tables;
  loaded: Loaded;
  change: InterviewChange;
  message: string | null;
  now: number;
}): Steps<void> {
  const { interview, application, interviewers } = loaded;
  const base = {
    uid: interview.uid,
    sequence: interview.sequence,
    location: interview.location,
    start: interview.startsAt!.toISOString(),
    end: interview.endsAt!.toISOString(),
    organizer: { name: `${site.companyName} Careers`, email: site.contactEmail },
    attendees: [
      { name: application.fullName, email: application.email },
      ...interviewers.map((person) => ({ email: person.email })),
    ],
  };
  const kind = INTERVIEW_KIND_LABELS[interview.kind];
  const candidateEvent: CalendarEvent = {
    ...base,
    title: `${interview.title}: ${application.postingTitle} at ${site.companyName}`,
    description: `${kind}, ${interview.durationMinutes} minutes. ${interview.location}`,
    url: absoluteUrl('/applications'),
  };
  const teamEvent: CalendarEvent = {
    ...base,
    title: `${interview.title}: ${application.fullName} (${application.postingTitle})`,
    description: `${kind}, ${interview.durationMinutes} minutes. ${interview.location}\nThe application: ${absoluteUrl(`/admin/applications/${application.id}`)}`,
    url: absoluteUrl(`/admin/applications/${application.id}`),
  };
  const postingTitle = application.postingTitle;
  const candidateZone = interview.candidateTimeZone ?? interview.timeZone;
  yield* run(
    queueMail({
      db: tx,
      t,
      mail: mail(
        'interview_calendar',
        application.email,
        { postingTitle, change, zone: candidateZone, message, event: candidateEvent },
        application.id,
      ),
      now,
    }),
  );
  for (const person of interviewers) {
    const data = {
      postingTitle,
      candidateName: application.fullName,
      applicationId: application.id,
      change,
      zone: interview.timeZone,
      message,
      event: teamEvent,
    };
    yield* run(
      queueMail({ db: tx, t, mail: mail('interview_calendar_team', person.email, data, application.id), now }),
    );
  }
}
