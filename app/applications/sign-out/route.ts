import { cookies } from 'next/headers';
import { candidateCookieName, readCandidateCookie } from '@/db/candidate/context';
import { endCandidateSession } from '@/db/candidates';
import { getDb } from '@/db/index';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { isSecureRequest } from '@/lib/http/request';

export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-out');
  if (refused) return refused;
  await endCandidateSession(await getDb(), await readCandidateCookie());
  const secure = isSecureRequest(request.headers);
  (await cookies()).delete({ name: candidateCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
  return seeOther('/applications');
}
