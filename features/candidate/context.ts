import 'server-only';
import { cache } from 'react';
import type { Database } from '@/db/database';
import { getDb } from '@/db/index';
import { readCandidateSession } from '@/features/candidate/links';
import { isSecureRequest } from '@/lib/http/request';

/** The signed-in candidate: the address whose applications they may see, and nothing else. */
export type Candidate = { emailKey: string; tokenHash: string };

/**
 * Where a candidate's data-access call finds its database and session: the request's cookie in the site,
 * a token of their own in the tests. `deny` decides how a refusal looks.
 */
export type CandidateContext = {
  database: Database;
  token: () => Promise<string | undefined>;
  deny: () => never;
  now: () => number;
};

/** `__Host-` over https: pinned to this exact origin, so a sibling subdomain cannot plant one. */
export const candidateCookieName = (secure: boolean) => (secure ? '__Host-candidate_session' : 'candidate_session');

export async function readCandidateCookie(): Promise<string | undefined> {
  const { cookies, headers } = await import('next/headers');
  return (await cookies()).get(candidateCookieName(isSecureRequest(await headers())))?.value || undefined;
}

async function requestContext(): Promise<CandidateContext> {
  const { redirect } = await import('next/navigation');
  return { database: await getDb(), token: readCandidateCookie, deny: () => redirect('/applications'), now: Date.now };
}

const requestCandidate = cache(async (): Promise<Candidate | null> =>
  readCandidateSession({ database: await getDb(), token: await readCandidateCookie() }),
);

/** The candidate, or null when nobody is signed in from a link. */
export async function currentCandidate(context?: CandidateContext): Promise<Candidate | null> {
  if (!context) return requestCandidate();
  return readCandidateSession({ database: context.database, token: await context.token(), now: context.now() });
}

/** Every read and write of a candidate's own data starts here. */
export async function authorizeCandidate(
  context?: CandidateContext,
): Promise<CandidateContext & { candidate: Candidate }> {
  const ctx = context ?? (await requestContext());
  const candidate = (await currentCandidate(context)) ?? ctx.deny();
  return { ...ctx, candidate };
}
