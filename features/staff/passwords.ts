import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { all, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { attemptKeys, releaseAttempt, reserveAttempt } from '@/features/staff/attempts';
import { authorize, type AdminContext, type Viewer } from '@/features/staff/context';
import { hashPassword, passwordProblem, verifyPassword } from '@/features/staff/password';

// A member's password, changed with the current one (the reset link is features/staff/reset-links.ts). Either
// way the account's other sessions end, the change is audited, and the member is told by email, so a change
// they did not make does not go unseen.

/** The password changed: the email that says so, and the audit entry. */
export function* passwordChanged({
  database,
  tx,
  email,
  how,
  detail,
  now,
}: {
  database: Database;
  tx: AppDb;
  email: string;
  how: 'changed' | 'reset';
  detail: string;
  now: number;
}): Steps<void> {
  const { t } = database;
  const at = new Date(now).toISOString();
  yield* run(queueMail({ db: tx, t, mail: mail('password_changed', email, { how, at }), now }));
  const action = how === 'reset' ? ('password_reset' as const) : ('password_changed' as const);
  yield* run(auditEntry({ db: tx, t, entry: { actorEmail: email, action, detail }, now }));
}

export const sessionsEnded = (n: number) => `${n} session${n === 1 ? '' : 's'} ended`;

/** Asking for the password again before a change to the account's sign-in: the answer, under the sign-in throttle. */
export type PasswordCheck = { status: 'ok' } | { status: 'wrong' } | { status: 'throttled'; retryAfter: number };

/**
 * The signed-in member's password, checked again before a change to how they sign in (a session left open on
 * a shared computer must not be enough). Under the sign-in throttle, so it is no way to guess the password;
 * a wrong one is audited.
 */
export async function confirmOwnPassword({
  database,
  viewer,
  password,
  address,
  now,
}: {
  database: Database;
  viewer: Viewer;
  password: string;
  address: string;
  now: () => number;
}): Promise<PasswordCheck> {
  const { db, t } = database;
  const keys = attemptKeys(viewer.email, address);
  const reservation = await reserveAttempt(database, keys, now());
  if (reservation.wait > 0) return { status: 'throttled', retryAfter: reservation.wait };
  const [user] = await db
    .select({ passwordHash: t.adminUsers.passwordHash })
    .from(t.adminUsers)
    .where(eq(t.adminUsers.id, viewer.userId));
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    const entry = { actorEmail: viewer.email, action: 'password_change_failed' as const, detail: `from ${address}` };
    await auditEntry({ db, t, entry, now: now() });
    return { status: 'wrong' };
  }
  await transaction(database, (tx) => releaseAttempt(database, tx, keys, reservation.addressBefore));
  return { status: 'ok' };
}

export type ChangeResult = PasswordCheck | { status: 'weak'; message: string };

/**
 * The signed-in member changes their password with the current one (checked as above); the other sessions
 * end, this one stays.
 */
export async function changePassword({
  current,
  password,
  address,
  context,
}: {
  current: string;
  password: string;
  address: string;
  context?: AdminContext;
}): Promise<ChangeResult> {
  const { database, viewer, now: clock } = await authorize(context);
  const { t } = database;
  const weak = passwordProblem(password);
  if (weak) return { status: 'weak', message: weak };
  const check = await confirmOwnPassword({ database, viewer, password: current, address, now: clock });
  if (check.status !== 'ok') return check;
  const passwordHash = await hashPassword(password);
  const now = clock();
  await transaction(database, function* (tx) {
    yield* run(tx.update(t.adminUsers).set({ passwordHash }).where(eq(t.adminUsers.id, viewer.userId)));
    // A reset link still open would undo the change: it goes with the old password.
    yield* run(tx.delete(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, viewer.userId)));
    // So does a sign-in halfway elsewhere, begun with the old password.
    yield* run(tx.delete(t.adminSignInChallenges).where(eq(t.adminSignInChallenges.userId, viewer.userId)));
    const ended = yield* all(
      tx
        .delete(t.adminSessions)
        .where(and(eq(t.adminSessions.userId, viewer.userId), ne(t.adminSessions.tokenHash, viewer.tokenHash)))
        .returning({ tokenHash: t.adminSessions.tokenHash }),
    );
    const detail = `${sessionsEnded(ended.length)} (other)`;
    yield* passwordChanged({ database, tx, email: viewer.email, how: 'changed', detail, now });
  });
  return { status: 'ok' };
}
