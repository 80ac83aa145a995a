import { cookies } from 'next/headers';
import { signOut } from '@/features/staff/auth';
import { readSessionCookie } from '@/features/staff/context';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { isSecureRequest } from '@/lib/http/request';
import { sessionCookieName } from '@/lib/security/session-token';

export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-out');
  if (refused) return refused;
  await signOut({ token: await readSessionCookie() });
  const jar = await cookies();
  // A `__Host-` cookie is only replaced by one that is also Secure with Path=/; a bare delete would be ignored.
  const secure = isSecureRequest(request.headers);
  jar.delete({ name: sessionCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
  return seeOther('/admin/sign-in');
}
