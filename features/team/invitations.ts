import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { all, exclusive, one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { hashPassword, passwordProblem } from '@/features/staff/password';
import { INVITATION_DAYS } from '@/features/team/schemas';
import { DAY_MS } from '@/lib/days';
import { lesserRole, type Role } from '@/lib/roles';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';
import { TeamError } from './team-error';

// Invitations: an owner sends a link, the colleague sets a password. An invitation speaks for its sender.

/**
 * An invitation: a one-time link, by email through the outbox (the link is kept in the email's row only
 * until it is sent). The path is also returned, for the owner to pass on while email is not configured.
 */
export async function inviteMember({
  email,
  role,
  context,
}: {
  email: string;
  role: Role;
  context?: AdminContext;
}): Promise<{ path: string }> {
  const {
    database,
    viewer,
    now: clock,
  } = await authorizeRole({ roles: onlyOwners, attempted: 'invite a colleague', context });
  const { t } = database;
  const now = clock();
  const token = newToken();
  const path = `/admin/join/${token}`;
  await transaction(database, function* (tx) {
    yield* exclusive(database, tx, `account:${email}`);
    const existing = yield* one(
      tx.select({ id: t.adminUsers.id }).from(t.adminUsers).where(eq(t.adminUsers.email, email)),
    );
    if (existing) throw new TeamError('invalid', `${email} already has an account: change its role or enable it below`);
    // A new invitation replaces any earlier one still open for the address: one live link per person.
    yield* run(
      tx
        .delete(t.adminInvitations)
        .where(and(eq(t.adminInvitations.email, email), isNull(t.adminInvitations.acceptedAt))),
    );
    yield* run(
      tx.insert(t.adminInvitations).values({
        tokenHash: hashToken(token),
        email,
        role,
        invitedBy: viewer.userId,
        createdAt: new Date(now),
        expiresAt: new Date(now + INVITATION_DAYS * DAY_MS),
      }),
    );
    yield* run(
      queueMail({ db: tx, t, mail: mail('invitation', email, { inviterEmail: viewer.email, role, path }), now }),
    );
    yield* run(
      auditEntry({
        db: tx,
        t,
        entry: { actorEmail: viewer.email, action: 'invited', detail: `${email} as ${role}` },
        now,
      }),
    );
  });
  return { path };
}

export async function revokeInvitation({ id, context }: { id: string; context?: AdminContext }): Promise<void> {
  const { database, viewer, now } = await authorizeRole({
    roles: onlyOwners,
    attempted: 'revoke an invitation',
    context,
  });
  const { db, t } = database;
  if (!/^[0-9a-f]{16}$/.test(id)) return;
  const open = await db
    .select({ tokenHash: t.adminInvitations.tokenHash, email: t.adminInvitations.email })
    .from(t.adminInvitations)
    .where(isNull(t.adminInvitations.acceptedAt));
  const found = open.find((row) => row.tokenHash.startsWith(id));
  if (!found) return;
  await db.delete(t.adminInvitations).where(eq(t.adminInvitations.tokenHash, found.tokenHash));
  await auditEntry({
    db,
    t,
    entry: { actorEmail: viewer.email, action: 'invited', detail: `revoked for ${found.email}` },
    now: now(),
  });
}

/** What a join link leads to: the invitation, or why it no longer works. No session is needed. */
export async function findInvitation({
  database,
  token,
  now = Date.now(),
}: {
  database: Database;
  token: string;
  now?: number;
}) {
  if (!isWellFormedToken(token)) return { problem: 'unknown' as const };
  const { db, t } = database;
  const [row] = await db
    .select({
      email: t.adminInvitations.email,
      role: t.adminInvitations.role,
      expiresAt: t.adminInvitations.expiresAt,
      acceptedAt: t.adminInvitations.acceptedAt,
    })
    .from(t.adminInvitations)
    .where(eq(t.adminInvitations.tokenHash, hashToken(token)));
  if (!row) return { problem: 'unknown' as const };
  if (row.acceptedAt) return { problem: 'used' as const };
  if (row.expiresAt.getTime() <= now) return { problem: 'expired' as const };
  return { invitation: { email: row.email, role: row.role } };
}

/**
 * Uses up the open invitation `which` picks and makes its account, with the invited role but at most what its
 * sender holds now: a transaction's steps, for the join page and for single sign-on (features/sso/membership.ts).
 */
export function* takeInvitation({
  database,
  tx,
  which,
  passwordHash,
  now,
  how,
}: {
  database: Database;
  tx: AppDb;
  which: SQL;
  passwordHash: string;
  now: number;
  /** How it was accepted, for the audit entry, when not by the link. */
  how?: string;
}): Steps<{ email: string; role: Role } | { problem: 'used' | 'unknown' }> {
  const { t } = database;
  const invited = yield* one(
    tx
      .select({
        tokenHash: t.adminInvitations.tokenHash,
        email: t.adminInvitations.email,
        role: t.adminInvitations.role,
        senderRole: t.adminUsers.role,
        senderDisabledAt: t.adminUsers.disabledAt,
      })
      .from(t.adminInvitations)
      .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminInvitations.invitedBy))
      .where(and(which, isNull(t.adminInvitations.acceptedAt))),
  );
  if (!invited) return { problem: 'used' };
  // Belt and braces beside the revocation: an invitation grants at most what its sender holds now.
  if (invited.senderDisabledAt) return { problem: 'unknown' };
  const role = lesserRole(invited.role, invited.senderRole);
  yield* run(
    tx
      .update(t.adminInvitations)
      .set({ acceptedAt: new Date(now) })
      .where(eq(t.adminInvitations.tokenHash, invited.tokenHash)),
  );
  yield* run(tx.insert(t.adminUsers).values({ email: invited.email, passwordHash, role, createdAt: new Date(now) }));
  const detail = how ? `${role}, by ${how}` : role;
  yield* run(
    auditEntry({ db: tx, t, entry: { actorEmail: invited.email, action: 'invitation_accepted', detail }, now }),
  );
  return { email: invited.email, role };
}

/** The colleague sets their password: the account is made with the invited role, the link is used up. */
export async function acceptInvitation({
  database,
  token,
  password,
  now = Date.now(),
}: {
  database: Database;
  token: string;
  password: string;
  now?: number;
}): Promise<{ email: string } | { problem: 'unknown' | 'used' | 'expired' | 'exists' | 'password'; message?: string }> {
  const found = await findInvitation({ database, token, now });
  if (!found.invitation) return { problem: found.problem };
  const weak = passwordProblem(password);
  if (weak) return { problem: 'password', message: weak };
  const passwordHash = await hashPassword(password);
  const { t } = database;
  const tokenHash = hashToken(token);
  try {
    return await transaction(database, function* (tx) {
      yield* exclusive(database, tx, `account:${found.invitation.email}`);
      // Taken inside the transaction: of two tabs submitting one link, one wins.
      const used = yield* takeInvitation({
        database,
        tx,
        which: eq(t.adminInvitations.tokenHash, tokenHash),
        passwordHash,
        now,
      });
      return 'problem' in used ? used : { email: used.email };
    });
  } catch (error) {
    if (isUniqueViolation(error, { name: 'admin_users_email_unique', column: 'admin_users.email' }))
      return { problem: 'exists' };
    throw error;
  }
}

/**
 * An invitation speaks for its sender: when the sender is disabled or loses a role, the invitations they sent
 * and that nobody has used yet are withdrawn, in the same transaction. Returns how many.
 */
export function* revokeSentInvitations({
  database,
  tx,
  userId,
  now,
  viewerEmail,
}: {
  database: Database;
  tx: AppDb;
  userId: number;
  now: number;
  viewerEmail: string;
}) {
  const { t } = database;
  const open = and(eq(t.adminInvitations.invitedBy, userId), isNull(t.adminInvitations.acceptedAt));
  const sent = yield* all(tx.select({ tokenHash: t.adminInvitations.tokenHash }).from(t.adminInvitations).where(open));
  if (sent.length === 0) return 0;
  yield* run(tx.delete(t.adminInvitations).where(open));
  const detail = `${sent.length} sent by account #${userId}`;
  yield* run(
    auditEntry({ db: tx, t, entry: { actorEmail: viewerEmail, action: 'invited', detail: `revoked ${detail}` }, now }),
  );
  return sent.length;
}
