import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { IMMEDIATE, type Db } from '@/db/client';
import { getDb } from '@/db/index';
import { adminSessions, adminUsers, auditLog, loginThrottle } from '@/db/schema';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';
import { SESSION_ABSOLUTE_MS, hashSessionToken, isWellFormedToken, newSessionToken } from '@/lib/auth/session-token';
import {
  ADDRESS_POLICY,
  PAIR_POLICY,
  addressKey,
  pairKey,
  recordFailure,
  retryAfterSeconds,
  type ThrottleState,
} from '@/lib/auth/throttle';
import { emailKey } from '@/lib/email-key';
import { recordAudit } from './audit';

export type SignInResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfter: number };

/** Whether any account exists: the sign-in page explains how to create the first one when none does. */
export function hasAnyAdmin(db: Db = getDb()): boolean {
  return db.select({ id: adminUsers.id }).from(adminUsers).limit(1).get() !== undefined;
}

function throttleStates(db: Db, keys: string[]): Map<string, ThrottleState> {
  const rows = db
    .select({
      key: loginThrottle.key,
      failures: loginThrottle.failures,
      lastFailureAt: loginThrottle.lastFailureAt,
      lockedUntil: loginThrottle.lockedUntil,
    })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys))
    .all();
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, lastFailureAt: r.lastFailureAt.getTime(), lockedUntil: r.lockedUntil.getTime() },
    ]),
  );
}

/**
 * Checks the throttle, then the password; the answer for an unknown email, a disabled account and a wrong
 * password is the same `invalid`, and each costs one scrypt. A success starts a new session with a new token.
 */
export async function signIn(
  input: { email: string; password: string; address: string },
  db: Db = getDb(),
  now: () => number = Date.now,
): Promise<SignInResult> {
  const email = emailKey(input.email);
  const keys = [pairKey(email, input.address), addressKey(input.address)] as const;
  const policies = [PAIR_POLICY, ADDRESS_POLICY] as const;
  const write = (tx: Db, key: string, state: ThrottleState | undefined) => {
    if (!state) return void tx.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
    const values = {
      failures: state.failures,
      lastFailureAt: new Date(state.lastFailureAt),
      lockedUntil: new Date(state.lockedUntil),
    };
    tx.insert(loginThrottle)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: loginThrottle.key, set: values })
      .run();
  };

  // The attempt is counted as a failure before the slow password check, in one transaction with the
  // check itself: parallel guesses cannot all slip through while scrypt runs. A success undoes it below.
  const reservation = db.transaction((tx) => {
    const current = throttleStates(tx as unknown as Db, [...keys]);
    const wait = Math.max(...keys.map((key) => retryAfterSeconds(current.get(key), now())));
    if (wait > 0) return { wait, addressBefore: undefined };
    keys.forEach((key, i) => write(tx as unknown as Db, key, recordFailure(current.get(key), now(), policies[i]!)));
    return { wait: 0, addressBefore: current.get(keys[1]) };
  }, IMMEDIATE);
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };

  const user = db
    .select({
      id: adminUsers.id,
      email: adminUsers.email,
      passwordHash: adminUsers.passwordHash,
      disabledAt: adminUsers.disabledAt,
      createdAt: adminUsers.createdAt,
      lastSignInAt: adminUsers.lastSignInAt,
    })
    .from(adminUsers)
    .where(eq(adminUsers.email, email))
    .get();
  let ok = false;
  if (user && !user.disabledAt) ok = await verifyPassword(input.password, user.passwordHash);
  else await burnPasswordCheck(input.password);

  const at = now();
  if (!ok || !user) {
    recordAudit(db, { actorEmail: email, action: 'sign_in_failed', detail: `from ${input.address}` }, at);
    return { status: 'invalid' };
  }

  const token = newSessionToken();
  const expiresAt = new Date(at + SESSION_ABSOLUTE_MS);
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  db.transaction((tx) => {
    write(tx as unknown as Db, keys[0], undefined);
    write(tx as unknown as Db, keys[1], reservation.addressBefore);
    // What the admin is told on this sign-in: how many failed attempts were made on the account since the last.
    const failed = tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorEmail, user.email),
          eq(auditLog.action, 'sign_in_failed'),
          gt(auditLog.at, user.lastSignInAt ?? user.createdAt),
        ),
      )
      .get();
    tx.insert(adminSessions)
      .values({
        tokenHash: hashSessionToken(token),
        userId: user.id,
        createdAt: new Date(at),
        lastSeenAt: new Date(at),
        expiresAt,
        failedAttempts: failed?.n ?? 0,
        previousSignInAt: user.lastSignInAt,
      })
      .run();
    tx.update(adminUsers)
      .set({ lastSignInAt: new Date(at) })
      .where(eq(adminUsers.id, user.id))
      .run();
    if (rehash) tx.update(adminUsers).set({ passwordHash: rehash }).where(eq(adminUsers.id, user.id)).run();
    recordAudit(tx, { actorEmail: user.email, action: 'sign_in', detail: `from ${input.address}` }, at);
  }, IMMEDIATE);
  return { status: 'ok', token, expiresAt };
}

/** Deletes the session behind the token, if any; signing out twice is harmless. */
export function signOut(token: string | undefined, db: Db = getDb(), now = Date.now()): void {
  if (!isWellFormedToken(token)) return;
  const tokenHash = hashSessionToken(token);
  db.transaction((tx) => {
    const session = tx
      .select({ email: adminUsers.email })
      .from(adminSessions)
      .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
      .where(eq(adminSessions.tokenHash, tokenHash))
      .get();
    if (!session) return;
    tx.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash)).run();
    recordAudit(tx, { actorEmail: session.email, action: 'sign_out' }, now);
  }, IMMEDIATE);
}
