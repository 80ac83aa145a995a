import { z } from 'zod';
import { INTERVIEW_CHANGES, interviewEventSchema } from '@/features/interviews/mail-event';
import { formatInZone } from '@/features/interviews/times';
import type { MailKind } from '@/lib/mail-kinds';
import { ROLES } from '@/lib/roles';
import { SIGN_IN_CHANGES, SIGN_IN_CHANGE_WORDS } from '@/lib/sign-in-changes';
import { site } from '@/lib/site';

// What each email needs, checked when it is queued and again when the worker renders it (the row may be old).

const ALERT_POSTING = z.object({
  postingSlug: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  remote: z.boolean(),
});

const INTERVIEW_REMINDER = z.object({
  postingTitle: z.string(),
  title: z.string(),
  location: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  zone: z.string(),
});

export const MAIL_DATA = {
  application_received: z.object({ postingTitle: z.string(), reference: z.string(), candidateName: z.string() }),
  application_duplicate: z.object({ postingTitle: z.string() }),
  new_application: z.object({ postingTitle: z.string(), candidateName: z.string(), applicationId: z.number().int() }),
  status_update: z.object({ postingTitle: z.string(), message: z.string().min(1) }),
  withdrawn: z.object({ postingTitle: z.string(), reference: z.string() }),
  erased: z.object({ postingTitle: z.string() }),
  access_link: z.object({}),
  // The one-time link is kept here only until the email is sent (the worker clears `data` then).
  invitation: z.object({ inviterEmail: z.string(), role: z.enum(ROLES), path: z.string().startsWith('/admin/') }),
  assignment: z.object({
    postingTitle: z.string(),
    candidateName: z.string(),
    applicationId: z.number().int(),
    assignedBy: z.string(),
  }),
  // The endpoint's URL is the company's own system, not a person's.
  webhook_paused: z.object({ endpointId: z.number().int(), url: z.string(), lastError: z.string() }),
  // Job alerts name their subscription; the worker makes its links (features/alerts/tokens.ts) when it sends.
  alert_confirm: z.object({ subscriptionId: z.number().int() }),
  job_alert: z.object({ subscriptionId: z.number().int(), postings: z.array(ALERT_POSTING).min(1) }),
  alert_digest: z.object({ subscriptionId: z.number().int(), postings: z.array(ALERT_POSTING).min(1) }),
  // Interviews: the calendar file is made from `event` as the worker sends (features/interviews/ics.ts).
  interview_proposed: z.object({ postingTitle: z.string(), title: z.string(), message: z.string().nullable() }),
  interview_calendar: z.object({
    postingTitle: z.string(),
    change: z.enum(INTERVIEW_CHANGES),
    zone: z.string(),
    message: z.string().nullable(),
    event: interviewEventSchema,
  }),
  interview_calendar_team: z.object({
    postingTitle: z.string(),
    candidateName: z.string(),
    applicationId: z.number().int(),
    change: z.enum(INTERVIEW_CHANGES),
    zone: z.string(),
    message: z.string().nullable(),
    event: interviewEventSchema,
  }),
  interview_reminder: INTERVIEW_REMINDER,
  interview_reminder_team: INTERVIEW_REMINDER.extend({ candidateName: z.string(), applicationId: z.number().int() }),
  interview_feedback: z.object({
    postingTitle: z.string(),
    title: z.string(),
    candidateName: z.string(),
    applicationId: z.number().int(),
  }),
  interview_called_off: z.object({ postingTitle: z.string(), title: z.string(), message: z.string().nullable() }),
  interview_declined: z.object({
    postingTitle: z.string(),
    title: z.string(),
    candidateName: z.string(),
    applicationId: z.number().int(),
  }),
  // The one-time link, kept only until the email is sent, like an invitation's; `sentBy` is the owner who sent it.
  password_reset: z.object({
    path: z.string().startsWith('/admin/password-reset/'),
    sentBy: z.string().nullable(),
  }),
  password_changed: z.object({ how: z.enum(['changed', 'reset']), at: z.iso.datetime() }),
  sign_in_changed: z.object({ change: z.enum(SIGN_IN_CHANGES), at: z.iso.datetime() }),
} satisfies Record<MailKind, z.ZodType>;

export type MailData<K extends MailKind> = z.infer<(typeof MAIL_DATA)[K]>;

/** Emails that carry the candidate's private link; the worker makes a fresh one for each (never stored raw). */
export const CARRIES_LINK: Record<MailKind, boolean> = {
  application_received: true,
  application_duplicate: true,
  new_application: false,
  status_update: true,
  withdrawn: true,
  erased: false,
  access_link: true,
  invitation: false,
  assignment: false,
  webhook_paused: false,
  alert_confirm: false,
  job_alert: false,
  alert_digest: false,
  interview_proposed: true,
  interview_calendar: true,
  interview_calendar_team: false,
  interview_reminder: true,
  interview_reminder_team: false,
  interview_feedback: false,
  interview_called_off: true,
  interview_declined: false,
  password_reset: false,
  password_changed: false,
  sign_in_changed: false,
};

export const SUBJECTS: { [K in MailKind]: (data: MailData<K>) => string } = {
  application_received: (d) => `Your application for ${d.postingTitle}`,
  application_duplicate: (d) => `You have already applied for ${d.postingTitle}`,
  new_application: (d) => `New application for ${d.postingTitle}: ${d.candidateName}`,
  status_update: (d) => `Your application for ${d.postingTitle}`,
  withdrawn: (d) => `Withdrawn: your application for ${d.postingTitle}`,
  erased: (d) => `Erased: your application for ${d.postingTitle}`,
  access_link: () => 'Your link to your applications',
  invitation: (d) => `${d.inviterEmail} invited you to the hiring team`,
  assignment: (d) => `Assigned to you: ${d.candidateName} for ${d.postingTitle}`,
  webhook_paused: () => 'A webhook endpoint was paused after a day of failures',
  alert_confirm: () => 'Confirm your job alert',
  job_alert: (d) => (d.postings.length === 1 ? `New job: ${d.postings[0]!.title}` : `${d.postings.length} new jobs`),
  alert_digest: (d) =>
    `This week’s new ${d.postings.length === 1 ? 'job' : `jobs (${d.postings.length})`} at ${site.shortName}`,
  interview_proposed: (d) => `Choose a time: ${d.title} for ${d.postingTitle}`,
  interview_calendar: (d) =>
    `${CHANGE_WORDS[d.change]}: ${d.event.title}, ${formatInZone(Date.parse(d.event.start), d.zone)}`,
  interview_calendar_team: (d) =>
    `${CHANGE_WORDS[d.change]}: ${d.event.title}, ${formatInZone(Date.parse(d.event.start), d.zone)}`,
  interview_reminder: (d) => `Reminder: ${d.title} for ${d.postingTitle}, ${formatInZone(Date.parse(d.start), d.zone)}`,
  interview_reminder_team: (d) =>
    `Reminder: ${d.title} with ${d.candidateName}, ${formatInZone(Date.parse(d.start), d.zone)}`,
  interview_feedback: (d) => `Your scorecard for ${d.candidateName} (${d.title})`,
  interview_called_off: (d) => `Called off: ${d.title} for ${d.postingTitle}`,
  interview_declined: (d) => `${d.candidateName} could make none of the times for ${d.title}`,
  password_reset: () => `Choose a new password for the ${site.shortName} hiring team`,
  password_changed: (d) => (d.how === 'reset' ? 'Your password was reset' : 'Your password was changed'),
  sign_in_changed: (d) => SIGN_IN_CHANGE_WORDS[d.change],
};

const CHANGE_WORDS = {
  booked: 'Interview booked',
  moved: 'Interview moved',
  cancelled: 'Interview cancelled',
} as const;

/** Emails of a job alert: they carry its links and, but for the confirmation, one-click unsubscribe. */
export const ALERT_MAIL: ReadonlySet<MailKind> = new Set(['alert_confirm', 'job_alert', 'alert_digest']);

/** An email to queue, with data of the right shape for its kind. */
export function mail<K extends MailKind>(kind: K, to: string, data: MailData<K>, applicationId?: number) {
  return { kind, to, data: MAIL_DATA[kind].parse(data) as Record<string, unknown>, applicationId };
}
