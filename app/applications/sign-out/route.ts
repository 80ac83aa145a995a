import { cookies } from 'next/headers';
import { getDb } from '@/db/index';
import { signOutEverywhere } from '@/features/candidate/access';
import { candidateCookieName, currentCandidate, readCandidateCookie } from '@/features/candidate/context';
import { endCandidateSession } from '@/features/candidate/links';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { isSecureRequest } from '@/lib/http/request';

/** Ends this session; with `?everywhere=1`, every session and private link of the address too. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Sign-out');
  if (refused) return refused;
  const everywhere = new URL(request.url).searchParams.get('everywhere') === '1';
  if (everywhere && (await currentCandidate())) await signOutEverywhere();
  else await endCandidateSession({ database: await getDb(), token: await readCandidateCookie() });
  const secure = isSecureRequest(request.headers);
  (await cookies()).delete({ name: candidateCookieName(secure), path: '/', secure, httpOnly: true, sameSite: 'lax' });
  return seeOther(everywhere ? '/applications?notice=signed-out-everywhere' : '/applications');
}
