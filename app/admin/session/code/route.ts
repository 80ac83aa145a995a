import { cookies } from 'next/headers';
import { completeChallenge } from '@/features/two-factor/challenge';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { endChallengeCookie, setSessionCookie } from '@/lib/http/session-cookie';
import { signInPaused } from '@/lib/http/sign-in-paused';
import { challengeCookieName } from '@/lib/security/session-token';

// The sign-in's second step: the code of the authenticator app, or a recovery code. A route handler, as the
// first step is, because throttling answers 429 with Retry-After.
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const secure = isSecureRequest(request.headers);
  const jar = await cookies();
  const form = await request.formData().catch(() => null);
  const code = form?.get('code');
  const result = await completeChallenge({
    token: jar.get(challengeCookieName(secure))?.value,
    code: typeof code === 'string' ? code : '',
    address: clientAddress(request.headers),
    userAgent: request.headers.get('user-agent'),
  });
  if (result.status === 'throttled')
    return signInPaused({ retryAfter: result.retryAfter, after: 'several wrong codes', back: '/admin/sign-in/code' });
  if (result.status === 'wrong') return seeOther('/admin/sign-in/code?error=invalid');
  if (result.status === 'expired') {
    endChallengeCookie(jar, secure);
    return seeOther('/admin/sign-in?error=expired');
  }
  await setSessionCookie({ secure, ...result });
  return seeOther('/admin');
}
