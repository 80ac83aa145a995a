// What the API tokens page says after a form: keys in the URL, each a fixed text (features/team/notices.ts says why).

export const TOKEN_SAVED = { revoked: 'Token revoked: it no longer works.' } as const;
export const TOKEN_ERRORS = {
  invalid: 'That request was not complete. Reload the page and try again.',
  'no-token': 'No such token, or it is already revoked.',
  'not-allowed': 'Only owners manage API tokens.',
} as const;
