import { cookies } from 'next/headers';
import { signInSchema } from '@/features/application/schemas';
import { signIn } from '@/features/staff/auth';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { setSessionCookie } from '@/lib/http/session-cookie';
import { signInPaused } from '@/lib/http/sign-in-paused';
import { challengeCookieName, sessionCookieOptions } from '@/lib/security/session-token';

// A route handler rather than a server action, because throttling must answer 429 with Retry-After.
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const parsed = signInSchema.safeParse({ email: form?.get('email'), password: form?.get('password') });
  if (!parsed.success) return seeOther('/admin/sign-in?error=invalid');

  const address = clientAddress(request.headers);
  const result = await signIn({ input: { ...parsed.data, address, userAgent: request.headers.get('user-agent') } });
  if (result.status === 'throttled')
    return signInPaused({ retryAfter: result.retryAfter, after: 'several failed attempts', back: '/admin/sign-in' });
  if (result.status === 'invalid') return seeOther('/admin/sign-in?error=invalid');
  if (result.status === 'sso-only') return seeOther('/admin/sign-in?error=sso-only');

  const secure = isSecureRequest(request.headers);
  const jar = await cookies();
  if (result.status === 'second-factor') {
    jar.set(challengeCookieName(secure), result.token, sessionCookieOptions(secure, result.expiresAt));
    return seeOther('/admin/sign-in/code');
  }
  await setSessionCookie({ secure, ...result });
  return seeOther('/admin');
}
