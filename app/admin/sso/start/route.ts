import { cookies } from 'next/headers';
import { getDb } from '@/db/index';
import { ssoConfig } from '@/features/sso/config';
import { flowCookieName, flowCookieOptions } from '@/features/sso/cookies';
import { beginSso } from '@/features/sso/sign-in';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { isSecureRequest } from '@/lib/http/request';

// "Sign in with …": a form POST (it works without JavaScript, and another site cannot start it: the Origin
// check), answered with a page that moves on to the provider. Not a redirect: browsers apply the form's
// `form-action 'self'` to every redirect after a form, which would stop one to the provider's origin.
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const config = ssoConfig();
  if (!config) return seeOther('/admin/sign-in?error=sso-off');
  const started = await beginSso({ database: await getDb(), config, at: Date.now() });
  if ('problem' in started) return seeOther('/admin/sign-in?error=sso-unavailable');
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
