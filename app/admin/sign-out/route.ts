import { cookies } from 'next/headers';
import { signOut } from '@/db/admin/auth';
import { readSessionCookie } from '@/db/admin/context';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/session-token';
import { sameOrigin } from '@/lib/server/same-origin';

export async function POST(request: Request) {
  if (!sameOrigin(request.headers)) return new Response('Cross-site sign-out refused', { status: 403 });
  signOut(await readSessionCookie());
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
  return new Response(null, { status: 303, headers: { Location: '/admin/sign-in', 'Cache-Control': 'no-store' } });
}
