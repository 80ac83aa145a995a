// What "Your account" says after a form: keys in the URL, each mapped to a fixed text here.

export const ACCOUNT_SAVED = {
  password: 'Your password is changed. Your other sessions are signed out, and we emailed you that it changed.',
  'session-ended': 'That session is signed out.',
  'sessions-ended': 'Your other sessions are signed out.',
  'two-factor-off':
    'The authenticator app is off: signing in asks for your password alone. Its recovery codes no longer work.',
} as const;

export const ACCOUNT_ERRORS = {
  'no-session': 'That session had ended already.',
} as const;
