import 'server-only';
import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { exclusive, one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { assertBreakGlassStays } from '@/features/sso/settings';
import { authorizeRole, onlyOwners, ownersAndRecruiters } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { secondFactorRequired } from '@/features/two-factor/requirement';
import { lesserRole, type Role } from '@/lib/roles';
import { revokeSentInvitations } from './invitations';
import { TeamError } from './team-error';

// Accounts and their roles. Owners manage them; the last active owner stays one.

/** Every account, with the postings it was put on in the admin, for the team page. */
export async function listTeam(context?: AdminContext) {
  const { database, viewer } = await authorizeRole({ roles: ownersAndRecruiters, attempted: 'list the team', context });
  const { db, t } = database;
  const [users, members, invitations, secondFactorIsRequired, passkeys] = await Promise.all([
    db
      .select({
        id: t.adminUsers.id,
        email: t.adminUsers.email,
        role: t.adminUsers.role,
        disabledAt: t.adminUsers.disabledAt,
        lastSignInAt: t.adminUsers.lastSignInAt,
        secondFactorSince: t.adminUsers.totpConfirmedAt,
      })
      .from(t.adminUsers)
      .orderBy(asc(t.adminUsers.email)),
    db.select().from(t.postingMembers),
    db
      .select({
        tokenHash: t.adminInvitations.tokenHash,
        email: t.adminInvitations.email,
        role: t.adminInvitations.role,
        expiresAt: t.adminInvitations.expiresAt,
      })
      .from(t.adminInvitations)
      .where(and(isNull(t.adminInvitations.acceptedAt), gt(t.adminInvitations.expiresAt, new Date())))
      .orderBy(asc(t.adminInvitations.email)),
    secondFactorRequired(database),
    db.select({ userId: t.adminPasskeys.userId, n: count() }).from(t.adminPasskeys).groupBy(t.adminPasskeys.userId),
  ]);
  const passkeysOf = new Map(passkeys.map((p) => [p.userId, Number(p.n)]));
  const postingsOf = (userId: number) => members.filter((m) => m.userId === userId).map((m) => m.postingSlug);
  return {
    viewerId: viewer.userId,
    secondFactorRequired: secondFactorIsRequired,
    users: users.map((user) => ({ ...user, passkeys: passkeysOf.get(user.id) ?? 0, postings: postingsOf(user.id) })),
    invitations: invitations.map(({ tokenHash, ...rest }) => ({ id: tokenHash.slice(0, 16), ...rest })),
  };
}

/** Owners remain: the last active owner can be neither demoted nor disabled, by themselves or anyone. */
function* assertAnotherOwner(database: Database, tx: AppDb, userId: number) {
  const { t } = database;
  const others = yield* one(
    tx
      .select({ n: count() })
      .from(t.adminUsers)
      .where(and(eq(t.adminUsers.role, 'owner'), isNull(t.adminUsers.disabledAt), ne(t.adminUsers.id, userId))),
  );
  if (!others || others.n === 0) throw new TeamError('last-owner');
}

type Account = { email: string; role: Role; disabledAt: Date | null };
type Change<T> = (step: {
  database: Database;
  tx: AppDb;
  account: Account;
  viewerEmail: string;
  now: number;
}) => Steps<T>;

/**
 * An owner's change to one account: authorised, under the owners' lock (so two owners cannot demote each other
 * at once and leave none), with the account as it stands; a missing account is `no-account`.
 */
async function changeAccount<T>({
  userId,
  attempted,
  context,
  change,
}: {
  userId: number;
  attempted: string;
  context?: AdminContext;
  change: Change<T>;
}): Promise<T> {
  const { database, viewer, now: clock } = await authorizeRole({ roles: onlyOwners, attempted, context });
  const { t } = database;
  const now = clock();
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, 'owners');
    const account = yield* one(
      tx
        .select({ email: t.adminUsers.email, role: t.adminUsers.role, disabledAt: t.adminUsers.disabledAt })
        .from(t.adminUsers)
        .where(eq(t.adminUsers.id, userId)),
    );
    if (!account) throw new TeamError('no-account');
    return yield* change({ database, tx, account, viewerEmail: viewer.email, now });
  });
}

export async function changeRole({
  userId,
  role,
  context,
}: {
  userId: number;
  role: Role;
  context?: AdminContext;
}): Promise<{ revoked: number }> {
  return changeAccount({
    userId,
    attempted: 'change a role',
    context,
    *change({ database, tx, account, viewerEmail, now }) {
      const { t } = database;
      if (account.role === role) return { revoked: 0 };
      if (account.role === 'owner') yield* assertAnotherOwner(database, tx, userId);
      yield* assertBreakGlassStays(database, tx, userId);
      yield* run(tx.update(t.adminUsers).set({ role }).where(eq(t.adminUsers.id, userId)));
      const detail = `${account.email}: ${account.role} → ${role}`;
      yield* run(auditEntry({ db: tx, t, entry: { actorEmail: viewerEmail, action: 'role_changed', detail }, now }));
      const demoted = lesserRole(account.role, role) === role;
      return { revoked: demoted ? yield* revokeSentInvitations({ database, tx, userId, now, viewerEmail }) : 0 };
    },
  });
}

/** Disabling ends the account's sessions at once; enabling lets it sign in again with its password. */
export async function setDisabled({
  userId,
  disabled,
  context,
}: {
  userId: number;
  disabled: boolean;
  context?: AdminContext;
}): Promise<{ revoked: number }> {
  return changeAccount({
    userId,
    attempted: 'disable an account',
    context,
    *change({ database, tx, account, viewerEmail, now }) {
      const { t } = database;
      if (Boolean(account.disabledAt) === disabled) return { revoked: 0 };
      if (disabled && account.role === 'owner') yield* assertAnotherOwner(database, tx, userId);
      if (disabled) yield* assertBreakGlassStays(database, tx, userId);
      const disabledAt = disabled ? new Date(now) : null;
      yield* run(tx.update(t.adminUsers).set({ disabledAt }).where(eq(t.adminUsers.id, userId)));
      if (disabled) {
        yield* run(tx.delete(t.adminSessions).where(eq(t.adminSessions.userId, userId)));
        // A reset link sent before must not bring the account back with a password when it is enabled again.
        yield* run(tx.delete(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, userId)));
      }
      const action = disabled ? 'account_disabled' : 'account_enabled';
      yield* run(auditEntry({ db: tx, t, entry: { actorEmail: viewerEmail, action, detail: account.email }, now }));
      return { revoked: disabled ? yield* revokeSentInvitations({ database, tx, userId, now, viewerEmail }) : 0 };
    },
  });
}
