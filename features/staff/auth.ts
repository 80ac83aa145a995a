import 'server-only';
import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database, Tables } from '@/db/database';
import { getDb } from '@/db/index';
import { one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { emailKey } from '@/features/mail/email-key';
import { hasPasskey } from '@/features/passkeys/held';
import { passwordRefused } from '@/features/sso/settings';
import { attemptKeys, releaseAttempt, reserveAttempt, type Keys } from '@/features/staff/attempts';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '@/features/staff/password';
import type { ThrottleState } from '@/features/staff/throttle';
import { SESSION_ABSOLUTE_MS } from '@/lib/security/session-token';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';

export type SignInResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  /** The password was right; a code of the second factor is to come (features/two-factor/challenge.ts). */
  | { status: 'second-factor'; token: string; expiresAt: Date }
  | { status: 'invalid' }
  /** The password was right, but the team signs in with single sign-on only (features/sso/settings.ts). */
  | { status: 'sso-only' }
  | { status: 'throttled'; retryAfter: number };

/** Whether any account exists: the sign-in page explains how to create the first one when none does. */
export async function hasAnyAdmin(database?: Database): Promise<boolean> {
  const { db, t } = database ?? (await getDb());
  return (await db.select({ id: t.adminUsers.id }).from(t.adminUsers).limit(1)).length > 0;
}

/** What a sign-in reads of the account, at either step (password here, code in features/two-factor/challenge.ts). */
export const signInColumns = (t: Tables) => ({
  id: t.adminUsers.id,
  email: t.adminUsers.email,
  passwordHash: t.adminUsers.passwordHash,
  disabledAt: t.adminUsers.disabledAt,
  createdAt: t.adminUsers.createdAt,
  lastSignInAt: t.adminUsers.lastSignInAt,
  totpConfirmedAt: t.adminUsers.totpConfirmedAt,
  totpSecret: t.adminUsers.totpSecret,
});

/** The account behind the address when the password is its own; every path costs one scrypt. */
async function checkPassword({ db, t }: Database, email: string, password: string) {
  const [user] = await db.select(signInColumns(t)).from(t.adminUsers).where(eq(t.adminUsers.email, email)).limit(1);
  if (!user || user.disabledAt) {
    await burnPasswordCheck(password);
    return { user, ok: false };
  }
  return { user, ok: await verifyPassword(password, user.passwordHash) };
}

const FAILURES = ['sign_in_failed', 'second_factor_failed'] as const;

export type Account = NonNullable<Awaited<ReturnType<typeof checkPassword>>['user']>;

// Enough for any real browser's name; a longer header is someone's padding.
const USER_AGENT_MAX = 300;

/**
 * A new session of an account: the raw token for the cookie, and the row that stores only its hash. One
 * definition of a session's lifetime, for sign-in and for the tests that start from a signed-in account.
 */
export function newSession({
  userId,
  at,
  failedAttempts = 0,
  previousSignInAt = null,
  userAgent = null,
  address = null,
  how = null,
}: {
  userId: number;
  at: number;
  failedAttempts?: number;
  previousSignInAt?: Date | null;
  userAgent?: string | null;
  address?: string | null;
  /** What proved the member beside (or instead of) the password; null for the password alone. */
  how?: string | null;
}) {
  const token = newToken();
  const expiresAt = new Date(at + SESSION_ABSOLUTE_MS);
  const row = {
    tokenHash: hashToken(token),
    userId,
    createdAt: new Date(at),
    lastSeenAt: new Date(at),
    expiresAt,
    failedAttempts,
    previousSignInAt,
    userAgent: userAgent?.slice(0, USER_AGENT_MAX) || null,
    address,
    signedInWith: how,
  };
  return { token, expiresAt, row };
}

/**
 * A new session after the last check passed (the password, or the second factor's code): the reservation
 * undone, the failed tries since the previous sign-in counted for the member to see, the sign-in audited.
 */
export async function startSession({
  database,
  keys,
  addressBefore,
  user,
  rehash = null,
  address,
  userAgent,
  at,
  how,
}: {
  database: Database;
  keys: Keys;
  addressBefore: ThrottleState | undefined;
  user: Account;
  /** The password hashed again with today's parameters, when the stored one is weaker. */
  rehash?: string | null;
  address: string;
  userAgent: string | null;
  at: number;
  /** The second factor used, for the audit entry. */
  how?: string;
}) {
  const { t } = database;
  let session: ReturnType<typeof newSession> | undefined;
  await transaction(database, function* (tx) {
    yield* releaseAttempt(database, tx, keys, addressBefore);
    const since = gt(t.auditLog.at, user.lastSignInAt ?? user.createdAt);
    const failed = yield* one(
      tx
        .select({ n: count() })
        .from(t.auditLog)
        // Wrong codes after a right password count too: the clearest sign the password is known to someone.
        .where(and(eq(t.auditLog.actorEmail, user.email), inArray(t.auditLog.action, FAILURES), since)),
    );
    const failedAttempts = Number(failed?.n ?? 0);
    const previousSignInAt = user.lastSignInAt;
    session = newSession({ userId: user.id, at, failedAttempts, previousSignInAt, userAgent, address, how });
    yield* run(tx.insert(t.adminSessions).values(session.row));
    const changes = rehash ? { lastSignInAt: new Date(at), passwordHash: rehash } : { lastSignInAt: new Date(at) };
    yield* run(tx.update(t.adminUsers).set(changes).where(eq(t.adminUsers.id, user.id)));
    const detail = how ? `from ${address} with ${how}` : `from ${address}`;
    yield* run(auditEntry({ db: tx, t, entry: { actorEmail: user.email, action: 'sign_in', detail }, now: at }));
  });
  const { token, expiresAt } = session!;
  return { token, expiresAt };
}

/** A sign-in halfway stays open this long for its code. */
export const CHALLENGE_MS = 10 * 60 * 1000;

/**
 * The password was right and the account has a second factor: no session yet, a challenge whose token the
 * browser keeps for a few minutes. Each code typed then counts against the same throttle keys as the
 * password did, so guessing codes is as slow as guessing passwords.
 */
async function startChallenge({
  database,
  keys,
  addressBefore,
  user,
  at,
  rehash,
}: {
  database: Database;
  keys: Keys;
  addressBefore: ThrottleState | undefined;
  user: Account;
  at: number;
  rehash: string | null;
}) {
  const { t } = database;
  const token = newToken();
  const expiresAt = new Date(at + CHALLENGE_MS);
  await transaction(database, function* (tx) {
    yield* releaseAttempt(database, tx, keys, addressBefore);
    yield* run(tx.delete(t.adminSignInChallenges).where(lt(t.adminSignInChallenges.expiresAt, new Date(at))));
    yield* run(
      tx.insert(t.adminSignInChallenges).values({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: new Date(at),
        expiresAt,
      }),
    );
    if (rehash) yield* run(tx.update(t.adminUsers).set({ passwordHash: rehash }).where(eq(t.adminUsers.id, user.id)));
  });
  return { token, expiresAt };
}

/**
 * Checks the throttle, then the password; the answer for an unknown email, a disabled account and a wrong
 * password is the same `invalid`, and each costs one scrypt. A success starts a new session with a new token.
 */
export async function signIn({
  input,
  database,
  now = Date.now,
}: {
  input: { email: string; password: string; address: string; userAgent?: string | null };
  database?: Database;
  now?: () => number;
}): Promise<SignInResult> {
  database ??= await getDb();
  const { db, t } = database;
  const email = emailKey(input.email);
  const keys = attemptKeys(email, input.address);
  const reservation = await reserveAttempt(database, keys, now());
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };

  // Under "only single sign-on" every address but the break-glass account's gets the same answer, whatever
  // the password and whether the account exists: the answer must not tell a right password from a wrong one.
  if (await passwordRefused({ database, account: { email } })) {
    await burnPasswordCheck(input.password);
    const [known] = await db
      .select({ email: t.adminUsers.email })
      .from(t.adminUsers)
      .where(eq(t.adminUsers.email, email));
    const actorEmail = known ? known.email : 'unknown account';
    const detail = `from ${input.address}: single sign-on only`;
    await auditEntry({ db, t, entry: { actorEmail, action: 'sign_in_failed', detail }, now: now() });
    return { status: 'sso-only' };
  }
  const { user, ok } = await checkPassword(database, email, input.password);
  const at = now();
  if (!ok || !user) {
    // What was typed is kept only when it names an account: it may be a candidate's address, or a password.
    const actorEmail = user ? user.email : 'unknown account';
    const entry = { actorEmail, action: 'sign_in_failed' as const, detail: `from ${input.address}` };
    await auditEntry({ db, t, entry, now: at });
    return { status: 'invalid' };
  }
  const { addressBefore } = reservation;
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  if (user.totpConfirmedAt || (await hasPasskey(database, user.id))) {
    const challenge = await startChallenge({ database, keys, addressBefore, user, at, rehash });
    return { status: 'second-factor', ...challenge };
  }
  const session = await startSession({
    database,
    keys,
    addressBefore,
    user,
    rehash,
    at,
    address: input.address,
    userAgent: input.userAgent ?? null,
  });
  return { status: 'ok', ...session };
}

/** Deletes the session behind the token, if any; signing out twice is harmless. */
export async function signOut({
  token,
  database,
  now = Date.now(),
}: {
  token?: string;
  database?: Database;
  now?: number;
}): Promise<void> {
  if (!isWellFormedToken(token)) return;
  database ??= await getDb();
  const { t } = database;
  const tokenHash = hashToken(token);
  await transaction(database, function* (tx) {
    const session = yield* one(
      tx
        .select({ email: t.adminUsers.email })
        .from(t.adminSessions)
        .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminSessions.userId))
        .where(eq(t.adminSessions.tokenHash, tokenHash)),
    );
    if (!session) return;
    yield* run(tx.delete(t.adminSessions).where(eq(t.adminSessions.tokenHash, tokenHash)));
    yield* run(auditEntry({ db: tx, t, entry: { actorEmail: session.email, action: 'sign_out' }, now }));
  });
}
