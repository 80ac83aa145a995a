// What the team page says after a form: keys in the URL, each mapped to a fixed text here. The URL is anyone's
// to write, so it never carries the words themselves (`?error=<any text>` once put any text in an alert).

export const TEAM_SAVED = {
  role: 'Role changed.',
  'role-revoked': 'Role changed. The invitations this account had sent and that were not yet used are withdrawn.',
  disabled: 'Account disabled; its sessions ended.',
  'disabled-revoked':
    'Account disabled; its sessions ended, and the invitations it had sent and that were not yet used are withdrawn.',
  enabled: 'Account enabled.',
  revoked: 'Invitation withdrawn: its link no longer works.',
  'posting-team': 'The posting’s team is saved.',
  'reset-sent': 'A link to choose a new password is on its way to them; it works once, for an hour.',
  'second-factor-required':
    'A second factor is now required: members without one set it up at their next page, before anything else.',
  'second-factor-optional': 'A second factor is no longer required; those who have one keep it.',
  'second-factor-removed':
    'Their second factor is removed and their sessions ended: they sign in with their password alone (and set up a new one if the team requires it).',
  'sso-only-on': 'Single sign-on is now the only way in; the break-glass account keeps its password.',
  'sso-only-off': 'Members can sign in with their password again, or with single sign-on.',
} as const;

export const TEAM_ERRORS = {
  invalid: 'That request was not complete. Reload the page and try again.',
  role: 'Choose one of the roles.',
  'no-account': 'No such account.',
  'no-posting': 'No such posting.',
  'last-owner': 'The team needs at least one active owner: make someone else owner first.',
  'account-gone': 'One of the chosen accounts does not exist any more: reload the page.',
  'not-allowed': 'Your role cannot do this. Ask an owner.',
  'reset-disabled': 'A disabled account cannot sign in: enable it first, then send the password reset.',
  'sso-off': 'Single sign-on is not configured on this site (OIDC_ISSUER and the rest).',
  'no-break-glass':
    'The team’s first account, which keeps its password for when the identity provider is down, is not an active owner: single sign-on cannot be the only way in.',
  'sso-only': 'The team signs in with single sign-on only: passwords are off for this account.',
  'break-glass-stays':
    'This is the break-glass account, the only one with a password while single sign-on is the only way in: it stays an active owner. Turn “Only single sign-on” off first.',
  'own-second-factor': 'Remove your own second factors on your two-factor page, after your password.',
} as const;

export type TeamProblem = keyof typeof TEAM_ERRORS;
