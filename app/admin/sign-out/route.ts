import { cookies } from 'next/headers';
import { signOut } from '@/db/admin/auth';
import { readSessionCookie } from '@/db/admin/context';
import { sessionCookieName } from '@/lib/auth/session-token';
import { isSameOrigin } from '@/lib/http/origin';
import { isSecureRequest } from '@/lib/http/request';

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return new Response('Cross-site sign-out refused', { status: 403 });
  await signOut(await readSessionCookie());
  const jar = await cookies();
  // A `__Host-` cookie is only replaced by one that is also Secure with Path=/; a bare delete would be ignored.
  const secure = isSecureRequest(request.headers);
  jar.delete({ name: sessionCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
  return new Response(null, { status: 303, headers: { Location: '/admin/sign-in', 'Cache-Control': 'no-store' } });
}
