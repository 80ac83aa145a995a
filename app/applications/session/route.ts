import { cookies } from 'next/headers';
import { getDb } from '@/db/index';
import { candidateCookieName } from '@/features/candidate/context';
import { createCandidateSession, readLink } from '@/features/candidate/links';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { isSecureRequest } from '@/lib/http/request';

/** The button on the link's page: a valid link signs the candidate in, for a few hours, to that address. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-in');
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const database = await getDb();
  const emailKey = await readLink({ database, token: form?.get('token') });
  if (!emailKey) return seeOther('/applications/access?link=expired');
  const session = await createCandidateSession({ database, emailKey });
  const secure = isSecureRequest(request.headers);
  (await cookies()).set(candidateCookieName(secure), session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
  return seeOther('/applications');
}
