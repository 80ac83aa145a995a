import { cookies } from 'next/headers';
import { getDb } from '@/db/index';
import { ssoConfig } from '@/features/sso/config';
import { flowCookieName, flowCookieOptions } from '@/features/sso/cookies';
import { beginSso } from '@/features/sso/sign-in';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { signInPaused } from '@/lib/http/sign-in-paused';

// "Sign in with …": a form POST (it works without JavaScript, and another site cannot start it: the Origin
// check), answered with a page that moves on to the provider. Not a redirect: browsers apply the form's
// `form-action 'self'` to every redirect after a form, which would stop one to the provider's origin.
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const config = ssoConfig();
  if (!config) return seeOther('/admin/sign-in?error=sso-off');
  const address = clientAddress(request.headers);
  const started = await beginSso({ database: await getDb(), config, address, at: Date.now() });
  if (started.status === 'throttled')
    return signInPaused({ retryAfter: started.retryAfter, after: 'many sign-ins started', back: '/admin/sign-in' });
  if (started.status === 'unavailable') return seeOther('/admin/sign-in?error=sso-unavailable');
  const secure = isSecureRequest(request.headers);
  (await cookies()).set(flowCookieName(secure), started.token, flowCookieOptions(secure, started.expiresAt));
  const to = started.url.href;
  return messagePage(
    200,
    `Signing in with ${config.name}`,
    html`<meta http-equiv="refresh" content="0;url=${to}" />
      <p><a href="${to}">Continue to ${config.name}</a></p>`,
  );
}
