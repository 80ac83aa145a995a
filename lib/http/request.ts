import { site } from '@/lib/site';
import { trustedProxyHops } from './client-address';

/**
 * Whether the browser reached us over https: SITE_URL says so, or a trusted proxy does. Then the cookie
 * is Secure with the `__Host-` prefix.
 */
export function isSecureRequest(headers: Headers, trustProxy = process.env.TRUST_PROXY): boolean {
  if (site.url.startsWith('https://')) return true;
  return trustedProxyHops(trustProxy) > 0 && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * The client address, for the apply limit, the sign-in throttle and the audit log. `npm start` (server.ts)
 * replaces X-Forwarded-For with the one address it worked out from the socket and TRUST_PROXY, so there
 * is exactly one entry. (Under `next dev`, Next fills it from the socket only when the client sent none.)
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (entries.at(-1) ?? 'unknown').slice(0, 64);
}
