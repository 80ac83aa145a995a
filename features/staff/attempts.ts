import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, exclusive, run, transaction, type Steps } from '@/db/transaction';
import { emailKey } from '@/features/mail/email-key';
import {
  ADDRESS_POLICY,
  CODE_POLICY,
  PAIR_POLICY,
  addressKey,
  codeKey,
  pairKey,
  recordFailure,
  retryAfterSeconds,
  type ThrottleState,
} from '@/features/staff/throttle';

// The sign-in throttle in the database (the arithmetic is features/staff/throttle.ts): every check of a
// password or a code — sign-in, its second step, a change of password or second factor — reserves an attempt
// here first and releases it when the answer was right.

function* throttleStates(tx: AppDb, t: Tables, keys: string[]): Steps<Map<string, ThrottleState>> {
  const throttle = t.loginThrottle;
  const rows = yield* all(
    tx
      .select({
        key: throttle.key,
        failures: throttle.failures,
        lastFailureAt: throttle.lastFailureAt,
        lockedUntil: throttle.lockedUntil,
      })
      .from(throttle)
      .where(inArray(throttle.key, keys)),
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, lastFailureAt: r.lastFailureAt.getTime(), lockedUntil: r.lockedUntil.getTime() },
    ]),
  );
}

function* writeThrottle(tx: AppDb, t: Tables, key: string, state: ThrottleState | undefined): Steps<void> {
  if (!state) return yield* run(tx.delete(t.loginThrottle).where(eq(t.loginThrottle.key, key)));
  const values = {
    failures: state.failures,
    lastFailureAt: new Date(state.lastFailureAt),
    lockedUntil: new Date(state.lockedUntil),
  };
  yield* run(
    tx
      .insert(t.loginThrottle)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: t.loginThrottle.key, set: values }),
  );
}

/**
 * The throttle's counts for a password typed for an account from an address; a second factor's code adds the
 * account's own count of wrong codes (`codeKeys`).
 */
export type Keys = readonly [pair: string, address: string] | readonly [pair: string, address: string, code: string];

export const attemptKeys = (email: string, address: string): Keys => [
  pairKey(emailKey(email), address),
  addressKey(address),
];

export const codeKeys = (email: string, address: string): Keys => [
  pairKey(emailKey(email), address),
  addressKey(address),
  codeKey(email),
];

/**
 * The attempt is counted as a failure before the slow password check, in one transaction with the check of
 * the throttle itself: parallel guesses cannot all slip through while scrypt runs. A success undoes it
 * (`releaseAttempt`). Sign-in and every other form that asks for a password go through here.
 */
export async function reserveAttempt(database: Database, keys: Keys, now: number) {
  const { t } = database;
  const policies = [PAIR_POLICY, ADDRESS_POLICY, CODE_POLICY] as const;
  return transaction(database, function* (tx) {
    for (const key of keys) yield* exclusive(database, tx, `throttle:${key}`);
    const current = yield* throttleStates(tx, t, [...keys]);
    const wait = Math.max(...keys.map((key) => retryAfterSeconds(current.get(key), now)));
    if (wait > 0) return { wait, addressBefore: undefined, codeFailures: 0 };
    for (const [i, key] of keys.entries())
      yield* writeThrottle(tx, t, key, recordFailure(current.get(key), now, policies[i]!));
    const code = keys[2] === undefined ? undefined : recordFailure(current.get(keys[2]), now, CODE_POLICY);
    return { wait: 0, addressBefore: current.get(keys[1]), codeFailures: code?.failures ?? 0 };
  });
}

/**
 * Undoes a reservation that proved right: the pair's failures forgotten (and the account's wrong codes, once a
 * right code came), the address's as they were before.
 */
export function* releaseAttempt(
  database: Database,
  tx: AppDb,
  keys: Keys,
  addressBefore: ThrottleState | undefined,
): Steps<void> {
  const { t } = database;
  for (const key of keys) yield* exclusive(database, tx, `throttle:${key}`);
  yield* writeThrottle(tx, t, keys[0], undefined);
  yield* writeThrottle(tx, t, keys[1], addressBefore);
  if (keys[2] !== undefined) yield* writeThrottle(tx, t, keys[2], undefined);
}
