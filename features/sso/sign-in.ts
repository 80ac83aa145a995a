import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { emailKey } from '@/features/mail/email-key';
import { attemptKeys, reserveAttempt } from '@/features/staff/attempts';
import { signInColumns, startSession, type Account } from '@/features/staff/auth';
import { startFlow, takeFlow } from '@/features/staff/auth-flows';
import { hashPassword } from '@/features/staff/password';
import { lesserRole, ROLES } from '@/lib/roles';
import { newToken } from '@/lib/security/token';
import { authorizationRequest, ProviderUnavailable, verifyAnswer, type Checks, type Claims } from './client';
import type { SsoConfig } from './config';

// Signing in through the identity provider. The provider says who the person is (a verified email); this site
// alone decides whether they are on the team and with which role: an account, an open invitation, or an
// allowed domain. Every ending goes through the sign-in throttle and the audit log like a password does.

/** The provider's round trip must come back within this. */
export const SSO_FLOW_MS = 10 * 60 * 1000;

/** How a single sign-on reads in the audit log's `sign_in` entries. */
export const SSO_HOW = 'single sign-on';

// The throttle's pair key for single sign-on: before the provider answers there is no account to pair with,
// so refusals from one address share one count (and the address's own count, as passwords do).
const SSO_PAIR = 'single-sign-on';

/** The least-privileged role: what a colleague of an allowed domain starts with. */
const NEWCOMER_ROLE = ROLES.at(-1)!;

export type Refusal =
  | 'expired' // no flow behind the cookie: too slow, finished in another tab, or a replayed answer
  | 'denied' // the provider answered with an error (the person cancelled, or the provider refused)
  | 'invalid' // the answer failed a check (state, issuer, nonce, signature, PKCE)
  | 'unavailable' // the provider could not be reached
  | 'no-email' // no email in the claims
  | 'unverified' // the provider does not vouch for the email
  | 'disabled' // the account is disabled
  | 'not-on-team'; // no account, no invitation, not an allowed domain

export type SsoResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  | { status: 'refused'; reason: Refusal; email?: string }
  | { status: 'throttled'; retryAfter: number };

/** Starts a sign-in: the provider's address for the browser, and the flow's token for its cookie. */
export async function beginSso({ database, config, at }: { database: Database; config: SsoConfig; at: number }) {
  let request: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    request = await authorizationRequest(config);
  } catch (error) {
    if (error instanceof ProviderUnavailable) {
      console.warn(`Single sign-on: the provider's discovery failed (${error.message})`);
      return { problem: 'unavailable' as const };
    }
    throw error;
  }
  const flow = await startFlow({ database, purpose: 'oidc', data: request.checks, ttlMs: SSO_FLOW_MS, at });
  return { url: request.url, token: flow.token, expiresAt: flow.expiresAt };
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

  const flow = await takeFlow<Checks>({ database, purpose: 'oidc', token: flowToken, at: now() });
  if (!flow) return refuse('expired');
  const url = new URL(config.redirectUri);
  url.search = callback.toString();
  const answer = await verifyAnswer({ config, callback: url, checks: flow.data });
  if ('problem' in answer) {
    if (answer.problem !== 'denied') console.warn(`Single sign-on: the provider's answer was refused (${answer.why})`);
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

type Found = { user: Account } | { refused: Refusal; account?: string; email?: string };

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * Who the verified email is on the team: its account; else the account made now from an open invitation (with
 * the invitation's role, at most its sender's) or from an allowed domain (the least-privileged role).
 */
async function teamAccount({
  database,
  config,
  claims,
  at,
}: {
  database: Database;
  config: SsoConfig;
  claims: Claims;
  at: number;
}): Promise<Found> {
  if (!claims.email || claims.email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(claims.email))
    return { refused: 'no-email' };
  // An unverified address may be anyone's (some providers let people type one): it matches nothing here.
  if (!claims.emailVerified) return { refused: 'unverified' };
  const email = emailKey(claims.email);
  const { db, t } = database;
  const account = async () =>
    (await db.select(signInColumns(t)).from(t.adminUsers).where(eq(t.adminUsers.email, email)).limit(1))[0];
  const judge = (user: Account): Found => (user.disabledAt ? { refused: 'disabled', account: user.email } : { user });
  const existing = await account();
  if (existing) return judge(existing);
  // Sign-in never stores a password, but the column is required: a hash of random bytes nobody knows, so
  // password sign-in stays impossible until the member chooses one with a reset link.
  const unusable = await hashPassword(newToken());
  try {
    const made = await transaction(database, function* (tx) {
      yield* exclusive(database, tx, `account:${email}`);
      const made = yield* one(
        tx.select({ id: t.adminUsers.id }).from(t.adminUsers).where(eq(t.adminUsers.email, email)),
      );
      if (made) return 'existing' as const;
      const invited = yield* one(
        tx
          .select({
            tokenHash: t.adminInvitations.tokenHash,
            role: t.adminInvitations.role,
            senderRole: t.adminUsers.role,
          })
          .from(t.adminInvitations)
          .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminInvitations.invitedBy))
          .where(
            and(
              eq(t.adminInvitations.email, email),
              isNull(t.adminInvitations.acceptedAt),
              gt(t.adminInvitations.expiresAt, new Date(at)),
              isNull(t.adminUsers.disabledAt),
            ),
          ),
      );
      if (invited) {
        // As the join page does (features/team/invitations.ts): the link is used up, the role at most the sender's.
        const role = lesserRole(invited.role, invited.senderRole);
        yield* run(
          tx
            .update(t.adminInvitations)
            .set({ acceptedAt: new Date(at) })
            .where(eq(t.adminInvitations.tokenHash, invited.tokenHash)),
        );
        yield* run(tx.insert(t.adminUsers).values({ email, passwordHash: unusable, role, createdAt: new Date(at) }));
        const entry = { actorEmail: email, action: 'invitation_accepted' as const, detail: `${role}, by ${SSO_HOW}` };
        yield* run(auditEntry({ db: tx, t, entry, now: at }));
        return 'invited' as const;
      }
      if (!config.allowedDomains.includes(domainOf(email))) return 'stranger' as const;
      // The first account is the command line's (features/sso/settings.ts counts on it): none is made before it.
      if (!(yield* one(tx.select({ id: t.adminUsers.id }).from(t.adminUsers).limit(1)))) return 'stranger' as const;
      yield* run(
        tx.insert(t.adminUsers).values({ email, passwordHash: unusable, role: NEWCOMER_ROLE, createdAt: new Date(at) }),
      );
      const entry = { actorEmail: email, action: 'sso_joined' as const, detail: NEWCOMER_ROLE };
      yield* run(auditEntry({ db: tx, t, entry, now: at }));
      return 'domain' as const;
    });
    if (made === 'stranger') return { refused: 'not-on-team', email };
  } catch (error) {
    // Made by another tab between our look and the insert: that account is the one to sign in to.
    if (!isUniqueViolation(error, { name: 'admin_users_email_unique', column: 'admin_users.email' })) throw error;
  }
  const user = await account();
  return user ? judge(user) : { refused: 'not-on-team', email };
}
