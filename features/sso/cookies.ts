import 'server-only';
import { open, seal } from '@/lib/security/secret-box';

// The browser's side of a single sign-on: the flow's token while it is at the provider, and, after a refusal,
// the address the provider named so the sign-in page can say which account is not on the team. Path=/admin
// rather than `__Host-`'s Path=/: the callback is the only reader. SameSite=Lax, because the provider sends
// the browser back with a top-level GET from its own site, and Lax cookies go with that.

export const flowCookieName = (secure: boolean) => (secure ? '__Secure-admin_sso' : 'admin_sso');

export const flowCookieOptions = (secure: boolean, expiresAt: Date) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/admin',
  expires: expiresAt,
});

// Sealed, so nobody can make the page name an address of their choosing; a minute is enough to show it once.
export const REFUSED_COOKIE = 'admin_sso_refused';
const REFUSED_PURPOSE = 'sso-refused-email';

export const refusedCookie = (email: string, secure: boolean) => ({
  name: REFUSED_COOKIE,
  value: seal(REFUSED_PURPOSE, email),
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/admin/sign-in',
  maxAge: 60,
});

export const refusedEmail = (value: string | undefined) => (value ? open(REFUSED_PURPOSE, value.slice(0, 1000)) : null);
