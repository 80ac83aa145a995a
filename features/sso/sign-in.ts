import 'server-only';
import type { Database } from '@/db/database';
import { hitRateLimit } from '@/db/rate-limit';
import { transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { attemptKeys, releaseAttempt, reserveAttempt } from '@/features/staff/attempts';
import { startSession } from '@/features/staff/auth';
import { startFlow, takeFlow } from '@/features/staff/auth-flows';
import { authorizationRequest, ProviderUnavailable, verifyAnswer, type Checks } from './client';
import type { SsoConfig } from './config';
import { SSO_HOW, teamAccount } from './membership';
import type { Refusal } from './messages';

// Signing in through the identity provider. The provider says who the person is (a verified email); this site
// alone decides whether they are on the team and with which role: an account, an open invitation, or an
// allowed domain. Every ending goes through the sign-in throttle and the audit log like a password does.

/** The provider's round trip must come back within this. */
export const SSO_FLOW_MS = 10 * 60 * 1000;

// The throttle's pair key for single sign-on: before the provider answers there is no account to pair with,
// so refusals from one address share one count (and the address's own count, as passwords do).
const SSO_PAIR = 'single-sign-on';

export type SsoResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  | { status: 'refused'; reason: Refusal; email?: string }
  | { status: 'throttled'; retryAfter: number };

// Each start stores a flow: starts from one address are limited, so nobody can fill the table (a person
// needs a few at most; an office behind one address a few dozen in ten minutes).
const STARTS = { limit: 60, windowMs: SSO_FLOW_MS };

export type SsoStart =
  | { status: 'started'; url: URL; token: string; expiresAt: Date }
  | { status: 'unavailable' }
  | { status: 'throttled'; retryAfter: number };

/** Starts a sign-in: the provider's address for the browser, and the flow's token for its cookie. */
export async function beginSso({
  database,
  config,
  address,
  at,
}: {
  database: Database;
  config: SsoConfig;
  address: string;
  at: number;
}): Promise<SsoStart> {
  const wait = await hitRateLimit({ database, key: `sso-start:${address}`, policy: STARTS, now: at });
  if (wait > 0) return { status: 'throttled', retryAfter: wait };
  let request: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    request = await authorizationRequest(config);
  } catch (error) {
    if (error instanceof ProviderUnavailable) {
      console.warn(`Single sign-on: the provider's discovery failed (${error.message})`);
      return { status: 'unavailable' };
    }
    throw error;
  }
  const flow = await startFlow({ database, purpose: 'oidc', data: request.checks, ttlMs: SSO_FLOW_MS, at });
  return { status: 'started', url: request.url, token: flow.token, expiresAt: flow.expiresAt };
}

/**
 * The browser is back from the provider. The flow is taken first (once: a replayed answer finds nothing), the
 * answer checked, then the person matched to the team. Refusals count as failed attempts and are audited.
 */
export async function finishSso({
  database,
  config,
  flowToken,
  callback,
  address,
  userAgent,
  now = Date.now,
}: {
  database: Database;
  config: SsoConfig;
  flowToken: string | undefined;
  /** The callback's query as received; it is checked against this site's own redirect URI. */
  callback: URLSearchParams;
  address: string;
  userAgent: string | null;
  now?: () => number;
}): Promise<SsoResult> {
  // The flow first: without one nothing is counted or written, since any page can send a browser here (an
  // image's address) and would otherwise throttle, and fill the audit log of, everyone behind its address. A
  // flow comes only from the start's Origin-checked POST.
  const flow = await takeFlow<Checks>({ database, purpose: 'oidc', token: flowToken, at: now() });
  if (!flow) return { status: 'refused', reason: 'expired' };
  const keys = attemptKeys(SSO_PAIR, address);
  const reservation = await reserveAttempt(database, keys, now());
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };
  const refuse = async (reason: Refusal, account?: string) => {
    // As a failed password does: the account's address when there is one, never what the provider named.
    const entry = { actorEmail: account ?? 'unknown account', action: 'sso_refused' as const };
    await auditEntry({
      db: database.db,
      t: database.t,
      entry: { ...entry, detail: `from ${address}: ${reason}` },
      now: now(),
    });
    return { status: 'refused' as const, reason };
  };

  const url = new URL(config.redirectUri);
  url.search = callback.toString();
  const answer = await verifyAnswer({ config, callback: url, checks: flow.data });
  if ('problem' in answer) {
    if (answer.problem !== 'denied') console.warn(`Single sign-on: the provider's answer was refused (${answer.why})`);
    // Cancelled at the provider, or refused by it: no guess at anything here, so not counted against the address.
    if (answer.problem === 'denied')
      await transaction(database, (tx) => releaseAttempt(database, tx, keys, reservation.addressBefore));
    return refuse(answer.problem);
  }
  const found = await teamAccount({ database, config, claims: answer.claims, at: now() });
  if ('refused' in found) {
    const refusal = await refuse(found.refused, found.account);
    return found.refused === 'not-on-team' ? { ...refusal, email: found.email } : refusal;
  }
  const session = await startSession({
    database,
    keys,
    addressBefore: reservation.addressBefore,
    user: found.user,
    address,
    userAgent,
    at: now(),
    how: SSO_HOW,
  });
  return { status: 'ok', ...session };
}
