import { site } from '@/lib/site';

/**
 * Whether the browser reached us over https: SITE_URL says so, or a trusted proxy does. Then the cookie
 * is Secure with the `__Host-` prefix.
 */
export function isSecureRequest(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  if (site.url.startsWith('https://')) return true;
  return env.TRUST_PROXY === '1' && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * The client address for per-address throttling. Next 16 does not hand route handlers the socket; it fills
 * X-Forwarded-For from the socket only when the request carries none. So the rightmost entry is the socket
 * address on a direct connection, or the address a reverse proxy appended (TRUST_PROXY=1 documents that one
 * is in front). A direct client can still choose its own value; the per-account limit does not depend on it.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (entries.at(-1) ?? 'unknown').slice(0, 64);
}
