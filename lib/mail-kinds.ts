// The emails the site sends; each is a template in features/mail/templates/.
export const MAIL_KINDS = [
  'application_received',
  'application_duplicate',
  'new_application',
  'status_update',
  'withdrawn',
  'erased',
  'access_link',
  'invitation',
  'assignment',
  'webhook_paused',
  'alert_confirm',
  'job_alert',
  'alert_digest',
  'interview_proposed',
  'interview_calendar',
  'interview_calendar_team',
] as const;

export type MailKind = (typeof MAIL_KINDS)[number];

/** What each email is, as the admin's list of emails about an application names it. */
export const MAIL_LABELS: Record<MailKind, string> = {
  application_received: 'Confirmation of the application',
  application_duplicate: 'Notice of a second application',
  new_application: 'New application, to the hiring team',
  status_update: 'Status update',
  withdrawn: 'Confirmation of the withdrawal',
  erased: 'Confirmation of the erasure',
  access_link: 'Link to the candidate’s page',
  invitation: 'Invitation to the hiring team',
  assignment: 'Assignment notice, to the team member',
  webhook_paused: 'A webhook endpoint was paused, to its owner',
  alert_confirm: 'Confirmation of a job alert',
  job_alert: 'Job alert: a new posting',
  alert_digest: 'Job alert: the week’s new postings',
  interview_proposed: 'Interview times to choose from',
  interview_calendar: 'Interview invitation (calendar), to the candidate',
  interview_calendar_team: 'Interview invitation (calendar), to an interviewer',
};
