/** The host this site is reached at, as the browser named it (server.ts keeps the forwarded one trusted). */
export function siteHost(headers: Headers): string {
  return headers.get('x-forwarded-host') ?? headers.get('host') ?? '';
}

/**
 * Whether a request's Origin names this site. Pure (no `server-only`) so the proxy can use it too.
 * `Origin: null` (sandboxed frames, some redirects) is refused: a forged cross-site form can send it.
 * A request without Origin comes from a non-browser client, which no cookie or CSRF defence concerns.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === siteHost(headers);
  } catch {
    return false;
  }
}
