import 'server-only';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { getDb } from '@/db/index';
import { hitRateLimit } from '@/db/rate-limit';
import { auditEntry } from '@/features/audit/log';
import { passwordRefused } from '@/features/sso/settings';
import { attemptKeys, reserveAttempt } from '@/features/staff/attempts';
import { signInColumns, startSession, type Account } from '@/features/staff/auth';
import { startFlow, takeFlow } from '@/features/staff/auth-flows';
import { completeChallengeWith, openChallenge, type CodeResult } from '@/features/two-factor/challenge';
import { CEREMONY_MS, transportsOf } from './passkeys';
import { relyingParty } from './relying-party';

// Signing in with a passkey: on its own, instead of the password (the passkey must then have checked the
// person with the device's PIN or fingerprint: two factors in one), or as the second step after a right password.
// The browser asks its authenticator to sign a challenge from a flow (features/staff/auth-flows.ts) that is
// taken once, so a replayed answer signs nobody in; each try counts against the sign-in throttle.

/** Sign-ins begun from one address in a ceremony's five minutes: far above a person's, far below a flood. */
const STARTS = { limit: 60, windowMs: CEREMONY_MS };

type Started = { status: 'ok'; options: PublicKeyCredentialRequestOptionsJSON; token: string; expiresAt: Date };
type Flow = { challenge: string };

/**
 * The options for `navigator.credentials.get()`. With a sign-in challenge open (the password was right), only
 * that account's passkeys are asked for; without, any of the site's (the browser offers those it holds).
 */
export async function beginPasskeySignIn({
  database,
  challengeToken,
  address,
  now = Date.now,
}: {
  database?: Database;
  /** The half-made sign-in's token (its cookie), for a passkey as the second step. */
  challengeToken?: string;
  address: string;
  now?: () => number;
}): Promise<Started | { status: 'unavailable' } | { status: 'expired' } | { status: 'throttled'; retryAfter: number }> {
  database ??= await getDb();
  const { db, t } = database;
  const rp = relyingParty();
  if (!rp) return { status: 'unavailable' };
  // Each start stores a flow, and anyone may start: a limit per address keeps the table small.
  const wait = await hitRateLimit({ database, key: `passkey-start:${address}`, policy: STARTS, now: now() });
  if (wait > 0) return { status: 'throttled', retryAfter: wait };
  let userId: number | null = null;
  let allowCredentials: { id: string; transports?: ReturnType<typeof transportsOf> }[] = [];
  if (challengeToken !== undefined) {
    const user = await openChallenge(database, challengeToken, now());
    if (!user) return { status: 'expired' };
    userId = user.id;
    const keys = await db
      .select({ id: t.adminPasskeys.credentialId, transports: t.adminPasskeys.transports })
      .from(t.adminPasskeys)
      .where(eq(t.adminPasskeys.userId, user.id));
    if (!keys.length) return { status: 'unavailable' };
    allowCredentials = keys.map((k) => ({ id: k.id, transports: transportsOf(k.transports) }));
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials,
    userVerification: userId === null ? 'required' : 'preferred',
    timeout: CEREMONY_MS,
  });
  const data: Flow = { challenge: options.challenge };
  const flow = await startFlow({ database, purpose: 'passkey-sign-in', userId, data, ttlMs: CEREMONY_MS, at: now() });
  return { status: 'ok', options, ...flow };
}

/**
 * The browser's answer checked: the passkey is one of the account's (of `userId`'s, when given), it signed
 * the flow's challenge for this site, and its counter moved on (a cloned authenticator's does not).
 */
async function verifyPasskey({
  database,
  response,
  challenge,
  user,
  requireUserVerification,
  at,
}: {
  database: Database;
  response: AuthenticationResponseJSON;
  challenge: string;
  user: Account;
  requireUserVerification: boolean;
  at: number;
}): Promise<boolean> {
  const { db, t } = database;
  const rp = relyingParty();
  if (!rp) return false;
  const [key] = await db
    .select()
    .from(t.adminPasskeys)
    .where(and(eq(t.adminPasskeys.credentialId, response.id), eq(t.adminPasskeys.userId, user.id)));
  if (!key) return false;
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.credentialId,
      publicKey: Buffer.from(key.publicKey, 'base64url'),
      counter: Number(key.counter),
      transports: transportsOf(key.transports),
    },
    requireUserVerification,
  }).catch(() => null);
  if (!verified?.verified) return false;
  // Conditional on the counter read: of two answers checked at once against the same count, one goes on.
  const moved = await db
    .update(t.adminPasskeys)
    .set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: new Date(at) })
    .where(and(eq(t.adminPasskeys.id, key.id), eq(t.adminPasskeys.counter, key.counter)))
    .returning({ id: t.adminPasskeys.id });
  return moved.length > 0;
}

/** The account a passkey belongs to, while it is enabled; by the credential id the browser sent. */
async function ownerOf({ db, t }: Database, credentialId: string): Promise<Account | undefined> {
  const [user] = await db
    .select(signInColumns(t))
    .from(t.adminPasskeys)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminPasskeys.userId))
    .where(and(eq(t.adminPasskeys.credentialId, credentialId), isNull(t.adminUsers.disabledAt)));
  return user;
}

export type PasskeySignInResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'sso-only' }
  | { status: 'throttled'; retryAfter: number };

/** A sign-in with a passkey alone: a new session, or why not. */
export async function signInWithPasskey({
  database,
  token,
  response,
  address,
  userAgent = null,
  now = Date.now,
}: {
  database?: Database;
  token: string | undefined;
  response: AuthenticationResponseJSON;
  address: string;
  userAgent?: string | null;
  now?: () => number;
}): Promise<PasskeySignInResult> {
  database ??= await getDb();
  const { db, t } = database;
  const flow = await takeFlow<Flow>({ database, purpose: 'passkey-sign-in', token, at: now() });
  if (!flow || flow.userId !== null) return { status: 'expired' };
  const user = await ownerOf(database, response.id);
  // An unknown passkey counts against the address like a wrong password for an unknown account.
  const keys = attemptKeys(user?.email ?? 'unknown passkey', address);
  const reservation = await reserveAttempt(database, keys, now());
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };
  const at = now();
  const { challenge } = flow.data;
  if (!user || !(await verifyPasskey({ database, response, challenge, user, requireUserVerification: true, at }))) {
    const entry = {
      actorEmail: user ? user.email : 'unknown account',
      action: 'sign_in_failed' as const,
      detail: `from ${address} with a passkey`,
    };
    await auditEntry({ db, t, entry, now: at });
    return { status: 'invalid' };
  }
  if (await passwordRefused({ database, account: user })) {
    // Single sign-on is the only way in: a passkey alone is another, refused as a password is.
    const detail = `from ${address} with a passkey: single sign-on only`;
    await auditEntry({ db, t, entry: { actorEmail: user.email, action: 'sign_in_failed', detail }, now: at });
    return { status: 'sso-only' };
  }
  const { addressBefore } = reservation;
  return {
    status: 'ok',
    ...(await startSession({ database, keys, addressBefore, user, address, userAgent, at, how: 'a passkey' })),
  };
}

/** The second step of a sign-in (the password was right) with one of the account's passkeys. */
export async function completeChallengeWithPasskey({
  database,
  challengeToken,
  token,
  response,
  address,
  userAgent = null,
  now = Date.now,
}: {
  database?: Database;
  challengeToken: string | undefined;
  token: string | undefined;
  response: AuthenticationResponseJSON;
  address: string;
  userAgent?: string | null;
  now?: () => number;
}): Promise<CodeResult> {
  return completeChallengeWith({
    database,
    token: challengeToken,
    address,
    userAgent,
    now,
    claim: async ({ database, user, at }) => {
      const flow = await takeFlow<Flow>({ database, purpose: 'passkey-sign-in', token, at });
      if (!flow || flow.userId !== user.id) return null;
      const { challenge } = flow.data;
      const ok = await verifyPasskey({ database, response, challenge, user, requireUserVerification: false, at });
      return ok ? 'a passkey' : null;
    },
  });
}
