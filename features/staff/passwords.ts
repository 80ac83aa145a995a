import 'server-only';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { hitRateLimit } from '@/db/rate-limit';
import { all, one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { emailKey } from '@/features/mail/email-key';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import { attemptKeys, releaseAttempt, reserveAttempt } from '@/features/staff/auth';
import { authorize, type AdminContext, type Viewer } from '@/features/staff/context';
import { hashPassword, passwordProblem, verifyPassword } from '@/features/staff/password';
import { TeamError } from '@/features/team/team-error';
import { sign } from '@/lib/security/hmac';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';

// A member's password: changed with the current one, or chosen again from a one-time link sent by email
// (asked for on the sign-in page, or sent by an owner). Either way the account's other sessions end, the
// change is audited, and the member is told by email, so a change they did not make does not go unseen.

/** Reset links work for this long, and once. */
export const RESET_MS = 60 * 60 * 1000;

// A few links an hour to one mailbox, so nobody can fill a colleague's inbox; counted under a keyed hash of
// the address, so the rate-limit table does not confirm who has an account.
const PER_MAILBOX = { limit: 3, windowMs: RESET_MS };

/**
 * A new reset link for the account: it replaces any earlier one (only the newest works), and goes out by email
 * through the outbox, which keeps the link only until it is sent.
 */
function* issueReset({
  database,
  tx,
  user,
  sentBy,
  now,
}: {
  database: Database;
  tx: AppDb;
  user: { id: number; email: string };
  sentBy: { id: number; email: string } | null;
  now: number;
}): Steps<void> {
  const { t } = database;
  const token = newToken();
  yield* run(tx.delete(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, user.id)));
  yield* run(
    tx.insert(t.adminPasswordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      requestedBy: sentBy?.id ?? null,
      createdAt: new Date(now),
      expiresAt: new Date(now + RESET_MS),
    }),
  );
  const data = { path: `/admin/password-reset/${token}`, sentBy: sentBy?.email ?? null };
  yield* run(queueMail({ db: tx, t, mail: mail('password_reset', user.email, data), now }));
}

/**
 * Emails a reset link when the address is an active account's. The caller answers the same whatever happened:
 * only the mailbox learns whether there is an account.
 */
export async function requestPasswordReset({
  database,
  email,
  now = Date.now(),
}: {
  database: Database;
  email: string;
  now?: number;
}): Promise<void> {
  const { db, t } = database;
  const key = emailKey(email);
  const mailbox = `reset-mailbox:${sign('rate-limit-mailbox', key)}`;
  if ((await hitRateLimit({ database, key: mailbox, policy: PER_MAILBOX, now })) > 0) return;
  const [user] = await db
    .select({ id: t.adminUsers.id, email: t.adminUsers.email })
    .from(t.adminUsers)
    .where(and(eq(t.adminUsers.email, key), isNull(t.adminUsers.disabledAt)))
    .limit(1);
  if (!user) return;
  await transaction(database, function* (tx) {
    yield* issueReset({ database, tx, user, sentBy: null, now });
    const entry = { actorEmail: user.email, action: 'password_reset_requested' as const };
    yield* run(auditEntry({ db: tx, t, entry, now }));
  });
}

/** An owner sends a member the link (they forgot, or their password may be known to someone). */
export async function sendPasswordReset({ userId, context }: { userId: number; context?: AdminContext }) {
  const {
    database,
    viewer,
    now: clock,
  } = await authorizeRole({
    roles: onlyOwners,
    attempted: 'send a password reset',
    context,
  });
  const { t } = database;
  const now = clock();
  await transaction(database, function* (tx) {
    const user = yield* one(
      tx
        .select({ id: t.adminUsers.id, email: t.adminUsers.email, disabledAt: t.adminUsers.disabledAt })
        .from(t.adminUsers)
        .where(eq(t.adminUsers.id, userId)),
    );
    if (!user) throw new TeamError('no-account');
    if (user.disabledAt) throw new TeamError('reset-disabled');
    yield* issueReset({ database, tx, user, sentBy: { id: viewer.userId, email: viewer.email }, now });
    const entry = { actorEmail: viewer.email, action: 'password_reset_sent' as const, detail: user.email };
    yield* run(auditEntry({ db: tx, t, entry, now }));
  });
}

export type ResetProblem = 'unknown' | 'used' | 'expired';

/** What a reset link leads to: the account it is for, or why it no longer works. No session is needed. */
export async function findPasswordReset({
  database,
  token,
  now = Date.now(),
}: {
  database: Database;
  token: string;
  now?: number;
}): Promise<{ email: string } | { problem: ResetProblem }> {
  if (!isWellFormedToken(token)) return { problem: 'unknown' };
  const { db, t } = database;
  const [row] = await db
    .select({
      email: t.adminUsers.email,
      disabledAt: t.adminUsers.disabledAt,
      expiresAt: t.adminPasswordResets.expiresAt,
      usedAt: t.adminPasswordResets.usedAt,
    })
    .from(t.adminPasswordResets)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminPasswordResets.userId))
    .where(eq(t.adminPasswordResets.tokenHash, hashToken(token)));
  if (!row || row.disabledAt) return { problem: 'unknown' };
  if (row.usedAt) return { problem: 'used' };
  if (row.expiresAt.getTime() <= now) return { problem: 'expired' };
  return { email: row.email };
}

/** The password changed: the email that says so, and the audit entry. */
function* changed({
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

class LinkGone extends Error {}

/**
 * The member chooses a new password from the link: the link is used up in the same statement that checks it
 * (two tabs cannot both use it), every session of the account ends, and they sign in again with it.
 */
export async function resetPassword({
  database,
  token,
  password,
  now = Date.now(),
}: {
  database: Database;
  token: string;
  password: string;
  now?: number;
}): Promise<{ email: string } | { problem: ResetProblem } | { problem: 'password'; message: string }> {
  const found = await findPasswordReset({ database, token, now });
  if ('problem' in found) return found;
  const weak = passwordProblem(password);
  if (weak) return { problem: 'password', message: weak };
  const passwordHash = await hashPassword(password);
  const { t } = database;
  const resets = t.adminPasswordResets;
  const tokenHash = hashToken(token);
  try {
    return await transaction(database, function* (tx) {
      const claimed = yield* one(
        tx
          .update(resets)
          .set({ usedAt: new Date(now) })
          .where(and(eq(resets.tokenHash, tokenHash), isNull(resets.usedAt), gt(resets.expiresAt, new Date(now))))
          .returning({ userId: resets.userId }),
      );
      if (!claimed) throw new LinkGone();
      const user = yield* one(
        tx
          .update(t.adminUsers)
          .set({ passwordHash })
          .where(and(eq(t.adminUsers.id, claimed.userId), isNull(t.adminUsers.disabledAt)))
          .returning({ email: t.adminUsers.email }),
      );
      if (!user) throw new LinkGone();
      const ended = yield* all(
        tx
          .delete(t.adminSessions)
          .where(eq(t.adminSessions.userId, claimed.userId))
          .returning({ tokenHash: t.adminSessions.tokenHash }),
      );
      yield* changed({ database, tx, email: user.email, how: 'reset', detail: sessionsEnded(ended.length), now });
      return { email: user.email };
    });
  } catch (error) {
    // Used or ended between the look and the claim: the page says what the link is now.
    if (error instanceof LinkGone) {
      const after = await findPasswordReset({ database, token, now });
      return 'problem' in after ? after : { problem: 'used' };
    }
    throw error;
  }
}

const sessionsEnded = (n: number) => `${n} session${n === 1 ? '' : 's'} ended`;

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
    const ended = yield* all(
      tx
        .delete(t.adminSessions)
        .where(and(eq(t.adminSessions.userId, viewer.userId), ne(t.adminSessions.tokenHash, viewer.tokenHash)))
        .returning({ tokenHash: t.adminSessions.tokenHash }),
    );
    const detail = `${sessionsEnded(ended.length)} (other)`;
    yield* changed({ database, tx, email: viewer.email, how: 'changed', detail, now });
  });
  return { status: 'ok' };
}
