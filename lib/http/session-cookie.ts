import 'server-only';
import { cookies } from 'next/headers';
import { challengeCookieName, sessionCookieName, sessionCookieOptions } from '@/lib/security/session-token';

/**
 * The browser is signed in, whichever way (a password, a code, a passkey, single sign-on): the session's cookie
 * under this scheme's name; the other scheme's and a sign-in left halfway go.
 */
export async function setSessionCookie({
  secure,
  token,
  expiresAt,
}: {
  secure: boolean;
  token: string;
  expiresAt: Date;
}): Promise<void> {
  const jar = await cookies();
  endChallengeCookie(jar, secure);
  jar.delete(sessionCookieName(!secure));
  jar.set(sessionCookieName(secure), token, sessionCookieOptions(secure, expiresAt));
}

/** The half-made sign-in's cookie, gone (used, or expired). */
export function endChallengeCookie(jar: Awaited<ReturnType<typeof cookies>>, secure: boolean): void {
  jar.delete({ name: challengeCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
