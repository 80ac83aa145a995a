import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { hitRateLimit, mailboxKey } from '@/db/rate-limit';
import { all, one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { emailKey } from '@/features/mail/email-key';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { passwordRefused } from '@/features/sso/settings';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import { type AdminContext } from '@/features/staff/context';
import { hashPassword, passwordProblem } from '@/features/staff/password';
import { TeamError } from '@/features/team/team-error';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';
import { passwordChanged, sessionsEnded } from './passwords';

// A member's password chosen again from a one-time link sent by email (asked for on the sign-in page, or sent
// by an owner).

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
  if ((await hitRateLimit({ database, key: mailboxKey('reset', key), policy: PER_MAILBOX, now })) > 0) return;
  const [user] = await db
    .select({ id: t.adminUsers.id, email: t.adminUsers.email })
    .from(t.adminUsers)
    .where(and(eq(t.adminUsers.email, key), isNull(t.adminUsers.disabledAt)))
    .limit(1);
  // Under "single sign-on only" a password would not let them in: no link, and the page answers as ever.
  if (!user || (await passwordRefused({ database, account: user }))) return;
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
  if (await passwordRefused({ database, account: { id: userId } })) throw new TeamError('sso-only');
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

export type ResetProblem = 'unknown' | 'used' | 'expired' | 'sso-only';

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
      userId: t.adminUsers.id,
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
  // A link sent before the team turned "single sign-on only" on no longer sets a password.
  if (await passwordRefused({ database, account: { id: row.userId } })) return { problem: 'sso-only' };
  return { email: row.email };
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
      // A sign-in halfway (password right, code to come) ends too: it was begun with the old password.
      yield* run(tx.delete(t.adminSignInChallenges).where(eq(t.adminSignInChallenges.userId, claimed.userId)));
      const ended = yield* all(
        tx
          .delete(t.adminSessions)
          .where(eq(t.adminSessions.userId, claimed.userId))
          .returning({ tokenHash: t.adminSessions.tokenHash }),
      );
      yield* passwordChanged({
        database,
        tx,
        email: user.email,
        how: 'reset',
        detail: sessionsEnded(ended.length),
        now,
      });
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
