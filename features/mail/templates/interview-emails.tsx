import type { InterviewChange } from '@/features/interviews/mail-event';
import { formatRange } from '@/features/interviews/times';
import { Action, EmailLayout, Paragraph } from './layout';

// Interviews by email. The calendar file travels with the booking, change and cancellation emails (the worker
// attaches it); the words here say the same for anyone whose mail program shows no invitation.

type Timed = { title: string; start: string; end: string; location: string };

const When = ({ event, zone }: { event: Timed; zone: string }) => (
  <Paragraph>
    <strong>When:</strong> {formatRange(Date.parse(event.start), Date.parse(event.end), zone)}
    <br />
    <strong>Where:</strong> {event.location}
  </Paragraph>
);

const Message = ({ message }: { message: string | null }) =>
  message ? (
    <Paragraph>
      <strong>From the team:</strong> {message}
    </Paragraph>
  ) : null;

const HEADINGS: Record<InterviewChange, string> = {
  booked: 'Your interview is booked',
  moved: 'Your interview has a new time',
  cancelled: 'Your interview is cancelled',
};

/** To the candidate: times are offered, and their page lets them pick one. */
export function InterviewProposed({
  postingTitle,
  title,
  message,
  link,
}: {
  postingTitle: string;
  title: string;
  message: string | null;
  link: string;
}) {
  return (
    <EmailLayout title={`Choose a time for your ${title.toLowerCase()}`}>
      <Paragraph>
        The hiring team for {postingTitle} would like to meet you. Choose the time that suits you best from your own
        page, shown in your time zone; the first person to book a time gets it, so do not wait too long.
      </Paragraph>
      <Message message={message} />
      <Action href={link}>Choose a time</Action>
    </EmailLayout>
  );
}

/** To the candidate: booked, moved or cancelled, with the calendar file attached. */
export function InterviewCalendar({
  postingTitle,
  change,
  zone,
  message,
  event,
  link,
}: {
  postingTitle: string;
  change: InterviewChange;
  zone: string;
  message: string | null;
  event: Timed;
  link: string;
}) {
  return (
    <EmailLayout title={HEADINGS[change]}>
      <Paragraph>
        {change === 'cancelled'
          ? `Your ${event.title} for ${postingTitle} will not take place at this time.`
          : `${event.title} for ${postingTitle}. The invitation is attached: open it to add it to your calendar.`}
      </Paragraph>
      <When event={event} zone={zone} />
      <Message message={message} />
      <Paragraph>
        {change === 'cancelled'
          ? 'Your page shows your applications and anything new from the team.'
          : 'You can choose another time or cancel from your page, until shortly before the interview.'}
      </Paragraph>
      <Action href={link}>Open your page</Action>
    </EmailLayout>
  );
}

/** To each interviewer: the same event, and where the application is. */
export function InterviewCalendarTeam({
  postingTitle,
  candidateName,
  change,
  zone,
  message,
  event,
  adminUrl,
}: {
  postingTitle: string;
  candidateName: string;
  change: InterviewChange;
  zone: string;
  message: string | null;
  event: Timed;
  adminUrl: string;
}) {
  return (
    <EmailLayout title={`${HEADINGS[change].replace('Your interview', 'Interview')}: ${candidateName}`}>
      <Paragraph>
        {event.title} with {candidateName} for {postingTitle}
        {change === 'cancelled' ? ' is cancelled.' : '. The invitation is attached.'}
      </Paragraph>
      <When event={event} zone={zone} />
      <Message message={message} />
      <Action href={adminUrl}>Open the application</Action>
    </EmailLayout>
  );
}

type Reminder = { postingTitle: string; title: string; location: string; start: string; end: string; zone: string };

/** To the candidate, the day before. */
export function InterviewReminder({ link, ...interview }: Reminder & { link: string }) {
  return (
    <EmailLayout title={`Your ${interview.title.toLowerCase()} is coming up`}>
      <Paragraph>
        A reminder of your {interview.title} for {interview.postingTitle}. We look forward to meeting you.
      </Paragraph>
      <When event={interview} zone={interview.zone} />
      <Paragraph>If you cannot make it after all, say so from your page, or reply to the invitation.</Paragraph>
      <Action href={link}>Open your page</Action>
    </EmailLayout>
  );
}

/** To each interviewer, the day before. */
export function InterviewReminderTeam({
  candidateName,
  adminUrl,
  ...interview
}: Reminder & { candidateName: string; adminUrl: string }) {
  return (
    <EmailLayout title={`Coming up: ${interview.title} with ${candidateName}`}>
      <Paragraph>
        A reminder of the {interview.title} with {candidateName} for {interview.postingTitle}.
      </Paragraph>
      <When event={interview} zone={interview.zone} />
      <Action href={adminUrl}>Read the application first</Action>
    </EmailLayout>
  );
}

/** To each interviewer once the interview is over: their scorecard, while it is fresh. */
export function InterviewFeedback({
  postingTitle,
  title,
  candidateName,
  adminUrl,
}: {
  postingTitle: string;
  title: string;
  candidateName: string;
  adminUrl: string;
}) {
  return (
    <EmailLayout title={`Your scorecard for ${candidateName}`}>
      <Paragraph>
        The {title} with {candidateName} for {postingTitle} is over. Please submit your scorecard while it is fresh: you
        see your colleagues’ cards once yours is in, so nobody rates in the shadow of the first opinion.
      </Paragraph>
      <Action href={adminUrl}>Write your scorecard</Action>
    </EmailLayout>
  );
}

/** To the candidate: the team called off an interview before a time was chosen. */
export function InterviewCalledOff({
  postingTitle,
  title,
  message,
  link,
}: {
  postingTitle: string;
  title: string;
  message: string | null;
  link: string;
}) {
  return (
    <EmailLayout title={`${title} called off`}>
      <Paragraph>
        The team has called off the {title} for {postingTitle} it asked you to choose a time for: there is nothing to
        choose any more.
      </Paragraph>
      <Message message={message} />
      <Action href={link}>Open your page</Action>
    </EmailLayout>
  );
}

/** To each interviewer: the candidate could make none of the times offered. */
export function InterviewDeclined({
  postingTitle,
  title,
  candidateName,
  adminUrl,
}: {
  postingTitle: string;
  title: string;
  candidateName: string;
  adminUrl: string;
}) {
  return (
    <EmailLayout title={`${candidateName} could make none of the times`}>
      <Paragraph>
        {candidateName} could make none of the times offered for the {title} ({postingTitle}). Propose new times from
        the application’s page.
      </Paragraph>
      <Action href={adminUrl}>Open the application</Action>
    </EmailLayout>
  );
}
