// What the audit log records, with the words the audit page shows for each.

export const AUDIT_ACTION_LABELS = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  status_change: 'Changed status',
  note_added: 'Added a note',
  resume_download: 'Opened a resume',
  export: 'Exported CSV',
  withdrawn: 'Withdrawn by the candidate',
  erased: 'Erased',
  mail_sent: 'Emailed the candidate',
  access_denied: 'Refused: not on the posting’s team',
  invited: 'Invited a colleague',
  invitation_accepted: 'Joined the team',
  role_changed: 'Changed a role',
  account_disabled: 'Disabled an account',
  account_enabled: 'Enabled an account',
  posting_team_changed: 'Changed a posting’s team',
  assigned: 'Assigned',
  scorecard_submitted: 'Submitted a scorecard',
  webhook_added: 'Added a webhook endpoint',
  webhook_removed: 'Removed a webhook endpoint',
  webhook_resumed: 'Resumed a webhook endpoint',
  webhook_resent: 'Sent a webhook delivery again',
  webhook_paused: 'Paused a webhook endpoint',
  api_token_created: 'Created an API token',
  api_token_revoked: 'Revoked an API token',
  api_request: 'Used the API',
  interview_proposed: 'Proposed an interview',
  interview_booked: 'Booked an interview',
  interview_moved: 'Moved an interview',
  interview_cancelled: 'Cancelled an interview',
  calendar_feed_made: 'Made a calendar link',
  calendar_feed_revoked: 'Revoked a calendar link',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];
