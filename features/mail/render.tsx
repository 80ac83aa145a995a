import { renderToStaticMarkup } from 'react-dom/server';
import { alertLinks } from '@/features/alerts/links';
import { calendarFile, type CalendarMethod } from '@/features/interviews/ics';
import { MAIL_DATA, SUBJECTS, type MailData } from '@/features/mail/messages';
import { AlertConfirm, AlertDigest, JobAlert } from '@/features/mail/templates/alert-emails';
import {
  AccessLink,
  ApplicationDuplicate,
  ApplicationReceived,
  Erased,
  StatusUpdate,
  Withdrawn,
} from '@/features/mail/templates/candidate-emails';
import {
  InterviewCalendar,
  InterviewCalendarTeam,
  InterviewCalledOff,
  InterviewDeclined,
  InterviewFeedback,
  InterviewProposed,
  InterviewReminder,
  InterviewReminderTeam,
} from '@/features/mail/templates/interview-emails';
import {
  Assignment,
  Invitation,
  NewApplication,
  PasswordChanged,
  SignInChanged,
  PasswordReset,
  WebhookPaused,
} from '@/features/mail/templates/team-emails';
import type { MailKind } from '@/lib/mail-kinds';
import { absoluteUrl } from '@/lib/site';

/** A calendar invitation sent with the email (RFC 6047: a text/calendar part with its method). */
export type CalendarPart = { method: CalendarMethod; content: string };

export type RenderedEmail = { subject: string; html: string; text: string; calendar?: CalendarPart };

/** An interview email's calendar file, made from the event it carries. */
function calendarPart(kind: MailKind, raw: unknown): CalendarPart | undefined {
  if (kind !== 'interview_calendar' && kind !== 'interview_calendar_team') return undefined;
  const { change, event } = MAIL_DATA[kind].parse(raw);
  const method = change === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return { method, content: calendarFile({ method, event }) };
}

function element(kind: MailKind, raw: unknown, link: string) {
  switch (kind) {
    case 'application_received':
      return <ApplicationReceived {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'application_duplicate':
      return <ApplicationDuplicate {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'new_application': {
      const data = MAIL_DATA[kind].parse(raw);
      return <NewApplication {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}`)} />;
    }
    case 'status_update':
      return <StatusUpdate {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'withdrawn':
      return <Withdrawn {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'erased':
      return <Erased {...MAIL_DATA[kind].parse(raw)} />;
    case 'access_link':
      return <AccessLink link={link} />;
    case 'invitation': {
      const { path, ...data } = MAIL_DATA[kind].parse(raw);
      return <Invitation {...data} link={absoluteUrl(path)} />;
    }
    case 'assignment': {
      const data = MAIL_DATA[kind].parse(raw);
      return <Assignment {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}`)} />;
    }
    case 'webhook_paused': {
      const { endpointId, ...data } = MAIL_DATA[kind].parse(raw);
      return <WebhookPaused {...data} adminUrl={absoluteUrl(`/admin/webhooks/${endpointId}`)} />;
    }
    // A job alert's `link` is its token (features/alerts/tokens.ts), made by the worker as it sends.
    case 'alert_confirm':
      return <AlertConfirm confirm={alertLinks(link).confirm} />;
    case 'job_alert':
      return <JobAlert postings={MAIL_DATA[kind].parse(raw).postings} {...alertLinks(link)} />;
    case 'alert_digest':
      return <AlertDigest postings={MAIL_DATA[kind].parse(raw).postings} {...alertLinks(link)} />;
    case 'interview_proposed':
      return <InterviewProposed {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'interview_calendar':
      return <InterviewCalendar {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'interview_calendar_team': {
      const data = MAIL_DATA[kind].parse(raw);
      return <InterviewCalendarTeam {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}`)} />;
    }
    case 'interview_reminder':
      return <InterviewReminder {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'interview_reminder_team': {
      const data = MAIL_DATA[kind].parse(raw);
      return <InterviewReminderTeam {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}`)} />;
    }
    case 'interview_called_off':
      return <InterviewCalledOff {...MAIL_DATA[kind].parse(raw)} link={link} />;
    case 'interview_declined': {
      const data = MAIL_DATA[kind].parse(raw);
      return <InterviewDeclined {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}`)} />;
    }
    case 'interview_feedback': {
      const data = MAIL_DATA[kind].parse(raw);
      return (
        <InterviewFeedback {...data} adminUrl={absoluteUrl(`/admin/applications/${data.applicationId}#scorecard`)} />
      );
    }
    case 'password_reset': {
      const { path, sentBy } = MAIL_DATA[kind].parse(raw);
      return <PasswordReset sentBy={sentBy} link={absoluteUrl(path)} />;
    }
    case 'password_changed':
      return <PasswordChanged {...MAIL_DATA[kind].parse(raw)} adminUrl={absoluteUrl('/admin/password-reset')} />;
    case 'sign_in_changed':
      return <SignInChanged {...MAIL_DATA[kind].parse(raw)} adminUrl={absoluteUrl('/admin/account')} />;
  }
}

/** The email as HTML, with a plain-text part for clients and people who read mail as text. */
export function renderEmail(kind: MailKind, data: unknown, link = ''): RenderedEmail {
  const subject = (SUBJECTS[kind] as (d: MailData<MailKind>) => string)(
    MAIL_DATA[kind].parse(data) as MailData<MailKind>,
  );
  const html = `<!doctype html>${renderToStaticMarkup(element(kind, data, link))}`;
  return { subject, html, text: htmlToText(html), calendar: calendarPart(kind, data) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };

/** Our own templates' markup as text: paragraphs as paragraphs, a link as its words and its address. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|title)[\s\S]*?<\/\1>/gi, '')
    .replace(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, words: string) => `${words} (${href})`)
    .replace(/<\/(p|h1|h2|li|div)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#x27|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
