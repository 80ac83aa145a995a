// What changed in how a member signs in, for the email that tells them (a change they did not make is the
// first sign someone else holds their account). Words shared by the subject and the body.

export const SIGN_IN_CHANGE_WORDS = {
  app_added: 'Two-factor sign-in with an authenticator app is on',
  app_removed: 'Your authenticator app was turned off',
  passkey_added: 'A passkey was added to your account',
  passkey_removed: 'A passkey was removed from your account',
  removed_by_owner: 'An owner removed your second factor',
  recovery_codes_made: 'New recovery codes were made for your account',
  wrong_codes: 'Wrong sign-in codes were typed for your account',
} as const;

export type SignInChange = keyof typeof SIGN_IN_CHANGE_WORDS;
export const SIGN_IN_CHANGES = Object.keys(SIGN_IN_CHANGE_WORDS) as [SignInChange, ...SignInChange[]];
