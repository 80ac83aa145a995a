import { cookies } from 'next/headers';
import { signInSchema } from '@/features/application/schemas';
import { signIn } from '@/features/staff/auth';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { sessionCookieName, sessionCookieOptions } from '@/lib/security/session-token';

// A route handler rather than a server action, because throttling must answer 429 with Retry-After.
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const parsed = signInSchema.safeParse({ email: form?.get('email'), password: form?.get('password') });
  if (!parsed.success) return seeOther('/admin/sign-in?error=invalid');

  const address = clientAddress(request.headers);
  const result = await signIn({ input: { ...parsed.data, address, userAgent: request.headers.get('user-agent') } });
  if (result.status === 'throttled') {
    const minutes = Math.ceil(result.retryAfter / 60);
    return messagePage(
      429,
      'Too many sign-in attempts',
      html`<p>
          Sign-in is paused after several failed attempts from your network. Try again in ${minutes}
          minute${minutes === 1 ? '' : 's'}.
        </p>
        <p><a href="/admin/sign-in">Back to sign in</a></p>`,
      { 'Retry-After': String(result.retryAfter) },
    );
  }
  if (result.status === 'invalid') return seeOther('/admin/sign-in?error=invalid');

  const secure = isSecureRequest(request.headers);
  const jar = await cookies();
  jar.delete(sessionCookieName(!secure));
  jar.set(sessionCookieName(secure), result.token, sessionCookieOptions(secure, result.expiresAt));
  return seeOther('/admin');
}
