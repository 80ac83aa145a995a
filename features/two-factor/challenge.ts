import 'server-only';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { getDb } from '@/db/index';
import { transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { hasPasskey } from '@/features/passkeys/held';
import { codeKeys, reserveAttempt } from '@/features/staff/attempts';
import { signInColumns, startSession } from '@/features/staff/auth';
import { open } from '@/lib/security/secret-box';
import { hashToken, isWellFormedToken } from '@/lib/security/token';
import { TOTP_SEALED } from './app';
import { signInChanged } from './notice';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery';
import { matchTotp, normaliseCode } from './totp';

// The second half of a sign-in: the password was right (features/staff/auth.ts made the challenge), now a
// code of the authenticator app or a recovery code. Each code typed counts against the sign-in throttle like
// a password; an app's code is taken once (its time step is claimed by one conditional UPDATE), a recovery
// code once (marked used the same way).

/** Wrong codes (of one account, in a day) after which the member is emailed. */
export const WRONG_CODES_NOTICE = 3;

export type CodeResult =
  | { status: 'ok'; token: string; expiresAt: Date }
  | { status: 'expired' }
  | { status: 'wrong' }
  | { status: 'throttled'; retryAfter: number };

/** The account a challenge is for, while it is open; null when it is not (or never was) one. */
export async function openChallenge(database: Database, token: string | undefined, now: number) {
  if (!isWellFormedToken(token)) return null;
  const { db, t } = database;
  const [row] = await db
    .select(signInColumns(t))
    .from(t.adminSignInChallenges)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminSignInChallenges.userId))
    .where(
      and(
        eq(t.adminSignInChallenges.tokenHash, hashToken(token)),
        gt(t.adminSignInChallenges.expiresAt, new Date(now)),
        isNull(t.adminUsers.disabledAt),
      ),
    );
  return row ?? null;
}

/**
 * The second factors the open challenge's account has (the code page offers those), or null when the browser
 * holds no open challenge.
 */
export async function challengeFactors(token: string | undefined): Promise<{ app: boolean; passkey: boolean } | null> {
  const database = await getDb();
  const user = await openChallenge(database, token, Date.now());
  if (!user) return null;
  return { app: Boolean(user.totpConfirmedAt), passkey: await hasPasskey(database, user.id) };
}

export type ChallengedAccount = NonNullable<Awaited<ReturnType<typeof openChallenge>>>;

/** Which second factor the code is, once claimed; null when it is none of the account's. */
async function claimCode(
  database: Database,
  user: ChallengedAccount,
  code: string,
  now: number,
): Promise<string | null> {
  const { db, t } = database;
  const secret = user.totpSecret && user.totpConfirmedAt ? open(TOTP_SEALED, user.totpSecret) : null;
  if (secret && normaliseCode(code)) {
    const step = matchTotp({ secret, code, at: now });
    if (step === null) return null;
    const last = t.adminUsers.totpLastStep;
    const claimed = await db
      .update(t.adminUsers)
      .set({ totpLastStep: step })
      .where(and(eq(t.adminUsers.id, user.id), or(isNull(last), lt(last, step))))
      .returning({ id: t.adminUsers.id });
    return claimed.length ? 'authenticator app' : null;
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  const codes = t.adminRecoveryCodes;
  const used = await db
    .update(codes)
    .set({ usedAt: new Date(now) })
    .where(and(eq(codes.codeHash, hashRecoveryCode(recovery)), eq(codes.userId, user.id), isNull(codes.usedAt)))
    .returning({ userId: codes.userId });
  return used.length ? 'a recovery code' : null;
}

/** Checks the code of an open challenge; a right one ends the challenge and starts the session. */
export async function completeChallenge({
  code,
  ...rest
}: Omit<Parameters<typeof completeChallengeWith>[0], 'claim'> & { code: string }): Promise<CodeResult> {
  return completeChallengeWith({
    ...rest,
    claim: ({ database, user, at }) => claimCode(database, user, code.slice(0, 64), at),
  });
}

/**
 * The second step with any second factor: `claim` says which one proved the member (the app, a recovery code,
 * a passkey: features/passkeys/sign-in.ts) or null. Each try counts against the sign-in throttle like a password.
 */
export async function completeChallengeWith({
  database,
  token,
  address,
  userAgent = null,
  now = Date.now,
  claim,
}: {
  database?: Database;
  token: string | undefined;
  address: string;
  userAgent?: string | null;
  now?: () => number;
  claim: (args: { database: Database; user: ChallengedAccount; at: number }) => Promise<string | null>;
}): Promise<CodeResult> {
  database ??= await getDb();
  const { db, t } = database;
  const user = await openChallenge(database, token, now());
  if (!user) return { status: 'expired' };
  const keys = codeKeys(user.email, address);
  const reservation = await reserveAttempt(database, keys, now());
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };
  const at = now();
  const how = await claim({ database, user, at });
  if (!how) {
    const entry = { actorEmail: user.email, action: 'second_factor_failed' as const, detail: `from ${address}` };
    await auditEntry({ db, t, entry, now: at });
    // The member hears of it once a day at most: the third wrong code of a day means someone else has the password.
    if (reservation.codeFailures === WRONG_CODES_NOTICE)
      await transaction(database, (tx) =>
        signInChanged({ database: database!, tx, email: user.email, change: 'wrong_codes', now: at }),
      );
    return { status: 'wrong' };
  }
  // Used once: a second tab with the same challenge has nothing left to complete.
  const ended = await db
    .delete(t.adminSignInChallenges)
    .where(eq(t.adminSignInChallenges.tokenHash, hashToken(token!)))
    .returning({ userId: t.adminSignInChallenges.userId });
  if (!ended.length) return { status: 'expired' };
  const { addressBefore } = reservation;
  const session = await startSession({ database, keys, addressBefore, user, address, userAgent, at, how });
  return { status: 'ok', ...session };
}
