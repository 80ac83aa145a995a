import { cookies } from 'next/headers';
import { signOutEverywhere } from '@/db/candidate/access';
import { candidateCookieName, currentCandidate, readCandidateCookie } from '@/db/candidate/context';
import { endCandidateSession } from '@/db/candidates';
import { getDb } from '@/db/index';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { isSecureRequest } from '@/lib/http/request';

/** Ends this session; with `?everywhere=1`, every session and private link of the address too. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-out');
  if (refused) return refused;
  const everywhere = new URL(request.url).searchParams.get('everywhere') === '1';
  if (everywhere && (await currentCandidate())) await signOutEverywhere();
  else await endCandidateSession(await getDb(), await readCandidateCookie());
  const secure = isSecureRequest(request.headers);
  (await cookies()).delete({ name: candidateCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
  return seeOther(everywhere ? '/applications?notice=signed-out-everywhere' : '/applications');
}
