import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { run, transaction, type Steps, one } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { factorsLeft, hasPasskey, passkeysOf } from '@/features/passkeys/held';
import { authorize, type AdminContext } from '@/features/staff/context';
import { confirmOwnPassword, type PasswordCheck } from '@/features/staff/passwords';
import { open, seal } from '@/lib/security/secret-box';
import { signInChanged } from './notice';
import { qrImage } from './qr';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery';
import { secondFactorRequired } from './requirement';
import { groupedSecret, matchTotp, newTotpSecret, totpUri } from './totp';

// A member's authenticator app: set up (a secret shown once as a QR code and as text, confirmed by a first
// code), its recovery codes (ten, shown once, made again on demand), and turning it off. Setting up is open to
// a member the team requires a second factor of and who has none (`enrolling`); the rest asks for the password.

type WithPassword = { password: string; address: string; context?: AdminContext };

/** The purpose the secret is sealed for (lib/security/secret-box.ts). */
export const TOTP_SEALED = 'totp-secret';
/** A setup begun and not confirmed: the secret with when it was made, sealed for this purpose alone. */
const TOTP_SETUP = 'totp-setup';
/** A setup not confirmed in this long is gone: a session left open later cannot finish it without the password. */
export const SETUP_MS = 10 * 60 * 1000;

/** The secret of a setup begun within SETUP_MS, or null. */
function pendingSecret(sealed: string | null, now: number): string | null {
  const plain = sealed ? open(TOTP_SETUP, sealed) : null;
  if (!plain) return null;
  const { secret, startedAt } = JSON.parse(plain) as { secret: string; startedAt: number };
  return now - startedAt <= SETUP_MS ? secret : null;
}

export type TwoFactorStatus = {
  email: string;
  app: { since: Date } | null;
  /** A setup begun and not yet confirmed: what the page shows to scan or type. */
  setup: { secret: string; qr: string } | null;
  recoveryLeft: number;
  /** How many passkeys the member has (features/passkeys). */
  passkeys: number;
  required: boolean;
};

export async function twoFactorStatus(context?: AdminContext): Promise<TwoFactorStatus> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const [[user], [left], passkeys, required] = await Promise.all([
    db
      .select({ secret: t.adminUsers.totpSecret, confirmedAt: t.adminUsers.totpConfirmedAt })
      .from(t.adminUsers)
      .where(eq(t.adminUsers.id, viewer.userId)),
    db
      .select({ n: count() })
      .from(t.adminRecoveryCodes)
      .where(and(eq(t.adminRecoveryCodes.userId, viewer.userId), isNull(t.adminRecoveryCodes.usedAt))),
    passkeysOf(database, viewer.userId),
    secondFactorRequired(database),
  ]);
  const plain = user?.secret && !user.confirmedAt ? pendingSecret(user.secret, now()) : null;
  return {
    email: viewer.email,
    app: user?.confirmedAt ? { since: user.confirmedAt } : null,
    setup: plain ? { secret: groupedSecret(plain), qr: await qrImage(totpUri(plain, viewer.email)) } : null,
    recoveryLeft: Number(left?.n ?? 0),
    passkeys,
    required,
  };
}

/**
 * A new secret to scan, after the password (a session left open must not be enough to plant a second factor
 * someone else holds); it replaces a setup begun earlier, never an app already confirmed.
 */
export async function startAppSetup({ password, address, context }: WithPassword): Promise<PasswordCheck> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const check = await confirmOwnPassword({ database, viewer, password, address, now });
  if (check.status !== 'ok') return check;
  await db
    .update(t.adminUsers)
    .set({
      totpSecret: seal(TOTP_SETUP, JSON.stringify({ secret: newTotpSecret(), startedAt: now() })),
      totpLastStep: null,
    })
    .where(and(eq(t.adminUsers.id, viewer.userId), isNull(t.adminUsers.totpConfirmedAt)));
  return check;
}

/** Ten new recovery codes in place of the old ones: the codes, to be shown once. */
export function* replaceRecoveryCodes(database: Database, tx: AppDb, userId: number, now: number): Steps<string[]> {
  const { t } = database;
  const codes = newRecoveryCodes();
  yield* run(tx.delete(t.adminRecoveryCodes).where(eq(t.adminRecoveryCodes.userId, userId)));
  yield* run(
    tx.insert(t.adminRecoveryCodes).values(
      codes.map((code) => ({
        codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!),
        userId,
        createdAt: new Date(now),
      })),
    ),
  );
  return codes;
}

/**
 * The first code from the app confirms the setup: from then on sign-in asks for a code. Returns the recovery
 * codes, shown once. The code's time step is kept, so the same code cannot then sign anyone in.
 */
export async function confirmAppSetup({
  code,
  context,
}: {
  code: string;
  context?: AdminContext;
}): Promise<{ codes: string[] } | { problem: 'wrong' | 'no-setup' }> {
  const { database, viewer, now: clock } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const [user] = await db
    .select({ secret: t.adminUsers.totpSecret, confirmedAt: t.adminUsers.totpConfirmedAt })
    .from(t.adminUsers)
    .where(eq(t.adminUsers.id, viewer.userId));
  const now = clock();
  const plain = user?.secret && !user.confirmedAt ? pendingSecret(user.secret, now) : null;
  if (!plain) return { problem: 'no-setup' };
  const step = matchTotp({ secret: plain, code, at: now });
  if (step === null) return { problem: 'wrong' };
  return transaction(database, function* (tx) {
    const confirmed = yield* one(
      tx
        .update(t.adminUsers)
        .set({ totpSecret: seal(TOTP_SEALED, plain), totpConfirmedAt: new Date(now), totpLastStep: step })
        .where(
          and(
            eq(t.adminUsers.id, viewer.userId),
            eq(t.adminUsers.totpSecret, user!.secret!),
            isNull(t.adminUsers.totpConfirmedAt),
          ),
        )
        .returning({ id: t.adminUsers.id }),
    );
    if (!confirmed) return { problem: 'no-setup' as const };
    const codes = yield* replaceRecoveryCodes(database, tx, viewer.userId, now);
    const entry = { actorEmail: viewer.email, action: 'second_factor_added' as const, detail: 'authenticator app' };
    yield* run(auditEntry({ db: tx, t, entry, now }));
    yield* signInChanged({ database, tx, email: viewer.email, change: 'app_added', now });
    return { codes };
  });
}

type Refused = Exclude<PasswordCheck, { status: 'ok' }> | { status: 'no-app' } | { status: 'required' };

/** New recovery codes (the old ones stop working), after the password: the codes, to be shown once. */
export async function remakeRecoveryCodes({
  password,
  address,
  context,
}: WithPassword): Promise<{ status: 'ok'; codes: string[] } | Refused> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { t } = database;
  const check = await confirmOwnPassword({ database, viewer, password, address, now });
  if (check.status !== 'ok') return check;
  return transaction(database, function* (tx) {
    // Recovery codes stand in for a second factor: without one they would be a password of their own.
    if ((yield* factorsLeft(database, tx, viewer.userId)) === 0) return { status: 'no-app' as const };
    const codes = yield* replaceRecoveryCodes(database, tx, viewer.userId, now());
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'recovery_codes_made' }, now: now() }),
    );
    yield* signInChanged({ database, tx, email: viewer.email, change: 'recovery_codes_made', now: now() });
    return { status: 'ok' as const, codes };
  });
}

/** Turns the account's app off: its secret and the last step taken go. */
function* clearApp(database: Database, tx: AppDb, userId: number): Steps<void> {
  const { t } = database;
  yield* run(
    tx
      .update(t.adminUsers)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null })
      .where(eq(t.adminUsers.id, userId)),
  );
}

/**
 * After a second factor went: the recovery codes go too when none is left (they stand in for one, and alone
 * they would be a password of their own). How many are left.
 */
export function* afterFactorRemoved(database: Database, tx: AppDb, userId: number): Steps<number> {
  const left = yield* factorsLeft(database, tx, userId);
  if (left === 0)
    yield* run(tx.delete(database.t.adminRecoveryCodes).where(eq(database.t.adminRecoveryCodes.userId, userId)));
  return left;
}

/** Clears an account's app, passkeys and recovery codes: sign-in asks for the password alone again. */
export function* clearSecondFactor(database: Database, tx: AppDb, userId: number): Steps<void> {
  const { t } = database;
  yield* run(tx.delete(t.adminPasskeys).where(eq(t.adminPasskeys.userId, userId)));
  yield* clearApp(database, tx, userId);
  yield* afterFactorRemoved(database, tx, userId);
}

/** The member turns their app off, after the password. */
export async function removeApp({ password, address, context }: WithPassword): Promise<{ status: 'ok' } | Refused> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { t } = database;
  // The page hides the button then; the rule is kept here, where it cannot be skipped. A passkey left is a
  // second factor still.
  if ((await secondFactorRequired(database)) && !(await hasPasskey(database, viewer.userId)))
    return { status: 'required' };
  const check = await confirmOwnPassword({ database, viewer, password, address, now });
  if (check.status !== 'ok') return check;
  await transaction(database, function* (tx) {
    yield* clearApp(database, tx, viewer.userId);
    yield* afterFactorRemoved(database, tx, viewer.userId);
    const entry = { actorEmail: viewer.email, action: 'second_factor_removed' as const, detail: 'authenticator app' };
    yield* run(auditEntry({ db: tx, t, entry, now: now() }));
    yield* signInChanged({ database, tx, email: viewer.email, change: 'app_removed', now: now() });
  });
  return { status: 'ok' };
}
