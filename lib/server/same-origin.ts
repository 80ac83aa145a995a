import 'server-only';

/**
 * Next checks server action origins too, but this also covers `Origin: null` (sandboxed frames, some
 * redirects), which a forged cross-site form can send. A request without Origin comes from a non-browser client.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  if (origin === 'null') return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
