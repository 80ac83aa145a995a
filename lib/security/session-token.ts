/** Signed out after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date };

export function sessionIsLive(session: SessionTimes, now: number): boolean {
  return session.expiresAt.getTime() > now && session.lastSeenAt.getTime() + SESSION_IDLE_MS > now;
}

/** `__Host-` requires Secure, Path=/ and no Domain, which pins the cookie to this exact origin. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-admin_session' : 'admin_session';
}

export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires: expiresAt };
}

/** The half-made sign-in (password right, code to come): a cookie of its own, for a few minutes. */
export function challengeCookieName(secure: boolean): string {
  return secure ? '__Host-admin_challenge' : 'admin_challenge';
}
