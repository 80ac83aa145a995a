import { cookies } from 'next/headers';
import { getDb } from '@/db/index';
import { ssoConfig } from '@/features/sso/config';
import { flowCookieName, refusedCookie } from '@/features/sso/cookies';
import { finishSso } from '@/features/sso/sign-in';
import { seeOther } from '@/lib/http/form-post';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { setSessionCookie } from '@/lib/http/session-cookie';
import { signInPaused } from '@/lib/http/sign-in-paused';

// Longer than any provider's answer (a code, a state, an issuer, an error with its description).
const QUERY_MAX = 4096;

// The provider sends the browser back here. Whatever arrives, the answer is a redirect: to the admin with a
// session, or to the sign-in page with a reason it explains.
export async function GET(request: Request) {
  const config = ssoConfig();
  if (!config) return seeOther('/admin/sign-in?error=sso-off');
  const secure = isSecureRequest(request.headers);
  const jar = await cookies();
  const flowToken = jar.get(flowCookieName(secure))?.value;
  jar.delete({ name: flowCookieName(secure), path: '/admin', secure, httpOnly: true, sameSite: 'lax' });
  const query = new URL(request.url).search;
  const result = await finishSso({
    database: await getDb(),
    config,
    flowToken,
    callback: new URLSearchParams(query.length > QUERY_MAX ? '' : query),
    address: clientAddress(request.headers),
    userAgent: request.headers.get('user-agent'),
  });
  if (result.status === 'throttled')
    return signInPaused({ retryAfter: result.retryAfter, after: 'several failed attempts', back: '/admin/sign-in' });
  if (result.status === 'refused') {
    if (result.email) jar.set(refusedCookie(result.email, secure));
    return seeOther(`/admin/sign-in?error=sso-${result.reason}`);
  }
  await setSessionCookie({ secure, ...result });
  return seeOther('/admin');
}
