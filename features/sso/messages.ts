// What the sign-in page says after a single sign-on that did not end in a session, keyed by the reason code in
// its URL (`?error=sso-<reason>`). The URL is anyone's to write, so it carries only the code; the address
// named in a refusal comes from a sealed cookie (features/sso/cookies.ts).

/** Why a single sign-on ended without a session: the audit log's reason and the page's `?error=sso-<reason>`. */
export type Refusal =
  | 'expired' // no flow behind the cookie: too slow, finished in another tab, or a replayed answer
  | 'denied' // the provider answered with an error (the person cancelled, or the provider refused)
  | 'invalid' // the answer failed a check (state, issuer, nonce, signature, PKCE)
  | 'unavailable' // the provider could not be reached
  | 'no-email' // no email in the claims
  | 'unverified' // the provider does not vouch for the email
  | 'disabled' // the account is disabled
  | 'another-person' // the account is bound to another person of the provider (its `sub`)
  | 'not-on-team'; // no account, no invitation, not an allowed domain

export function ssoMessage({
  error,
  name,
  email,
}: {
  error: unknown;
  /** The provider's name, or null when single sign-on is not configured. */
  name: string | null;
  email: string | null;
}): string | undefined {
  if (typeof error !== 'string' || !error.startsWith('sso-')) return undefined;
  const provider = name ?? 'single sign-on';
  switch (error) {
    case 'sso-only':
      return `This team signs in with ${provider} only. Use the “Sign in with ${provider}” button.`;
    case 'sso-off':
      return 'Single sign-on is not set up on this site. Sign in with your email address and password.';
    case 'sso-unavailable':
      return `${provider} could not be reached. Try again in a few minutes.`;
    case 'sso-expired':
      return 'The sign-in took too long, or was finished in another tab. Sign in again.';
    case 'sso-denied':
      return `${provider} did not sign you in. Try again, or ask the people who run ${provider}.`;
    case 'sso-invalid':
      return `The answer from ${provider} could not be checked, so it was not used. Sign in again.`;
    case 'sso-no-email':
    case 'sso-unverified':
      return `${provider} did not confirm an email address for your account, so this team cannot tell who you are. Ask the people who run ${provider}.`;
    case 'sso-another-person':
      return `This team’s account for that address signs in as another ${provider} user. Ask an owner: the address may have changed hands.`;
    case 'sso-disabled':
      return 'Your account on this team is disabled. Ask an owner to enable it.';
    case 'sso-not-on-team':
      return `Your company account${email ? ` (${email})` : ''} is not on this team. Ask an owner for an invitation.`;
    default:
      return undefined;
  }
}
