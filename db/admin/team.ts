import 'server-only';
import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import { auditEntry } from '@/db/audit-log';
import type { AppDb, Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { queueMail } from '@/db/outbox';
import { all, exclusive, one, run, transaction } from '@/db/transaction';
import { hashPassword, passwordProblem } from '@/lib/auth/password';
import { hashSessionToken, isWellFormedToken, newSessionToken } from '@/lib/auth/session-token';
import { mail } from '@/lib/mail/messages';
import { TEAM_ERRORS, type TeamProblem } from '@/lib/team/notices';
import { lesserRole, seesEveryPosting, type Role } from '@/lib/team/roles';
import { INVITATION_DAYS } from '@/lib/team/schemas';
import {
  authorizeApplication,
  authorizeRole,
  authorizeScoped,
  onlyOwners,
  ownersAndRecruiters,
  contentPostingTeams,
} from './access';
import type { AdminContext } from './context';

// The team: accounts and their roles, invitations, who is on which posting, who an application is assigned
// to. Owners manage accounts; owners and recruiters put people on postings; anyone who can open an
// application can assign it to someone who can open it too.

const DAY_MS = 86_400_000;

/** A refusal the team page explains: `problem` is the key of its fixed text (lib/team/notices.ts). */
export class TeamError extends Error {
  constructor(
    readonly problem: TeamProblem,
    message: string = TEAM_ERRORS[problem],
  ) {
    super(message);
  }
}

/** Every account, with the postings it was put on in the admin, for the team page. */
export async function listTeam(context?: AdminContext) {
  const { database, viewer } = await authorizeRole(ownersAndRecruiters, 'list the team', context);
  const { db, t } = database;
  const [users, members, invitations] = await Promise.all([
    db
      .select({
        id: t.adminUsers.id,
        email: t.adminUsers.email,
        role: t.adminUsers.role,
        disabledAt: t.adminUsers.disabledAt,
        lastSignInAt: t.adminUsers.lastSignInAt,
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
  ]);
  const postingsOf = (userId: number) => members.filter((m) => m.userId === userId).map((m) => m.postingSlug);
  return {
    viewerId: viewer.userId,
    users: users.map((user) => ({ ...user, postings: postingsOf(user.id) })),
    invitations: invitations.map(({ tokenHash, ...rest }) => ({ id: tokenHash.slice(0, 16), ...rest })),
  };
}

/**
 * An invitation: a one-time link, by email through the outbox (the link is kept in the email's row only
 * until it is sent). The path is also returned, for the owner to pass on while email is not configured.
 */
export async function inviteMember(email: string, role: Role, context?: AdminContext): Promise<{ path: string }> {
  const { database, viewer, now: clock } = await authorizeRole(onlyOwners, 'invite a colleague', context);
  const { t } = database;
  const now = clock();
  const token = newSessionToken();
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
        tokenHash: hashSessionToken(token),
        email,
        role,
        invitedBy: viewer.userId,
        createdAt: new Date(now),
        expiresAt: new Date(now + INVITATION_DAYS * DAY_MS),
      }),
    );
    yield* run(queueMail(tx, t, mail('invitation', email, { inviterEmail: viewer.email, role, path }), now));
    yield* run(auditEntry(tx, t, { actorEmail: viewer.email, action: 'invited', detail: `${email} as ${role}` }, now));
  });
  return { path };
}

export async function revokeInvitation(id: string, context?: AdminContext): Promise<void> {
  const { database, viewer, now } = await authorizeRole(onlyOwners, 'revoke an invitation', context);
  const { db, t } = database;
  if (!/^[0-9a-f]{16}$/.test(id)) return;
  const open = await db
    .select({ tokenHash: t.adminInvitations.tokenHash, email: t.adminInvitations.email })
    .from(t.adminInvitations)
    .where(isNull(t.adminInvitations.acceptedAt));
  const found = open.find((row) => row.tokenHash.startsWith(id));
  if (!found) return;
  await db.delete(t.adminInvitations).where(eq(t.adminInvitations.tokenHash, found.tokenHash));
  await auditEntry(db, t, { actorEmail: viewer.email, action: 'invited', detail: `revoked for ${found.email}` }, now());
}

/** What a join link leads to: the invitation, or why it no longer works. No session is needed. */
export async function findInvitation(database: Database, token: string, now = Date.now()) {
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
    .where(eq(t.adminInvitations.tokenHash, hashSessionToken(token)));
  if (!row) return { problem: 'unknown' as const };
  if (row.acceptedAt) return { problem: 'used' as const };
  if (row.expiresAt.getTime() <= now) return { problem: 'expired' as const };
  return { invitation: { email: row.email, role: row.role } };
}

/** The colleague sets their password: the account is made with the invited role, the link is used up. */
export async function acceptInvitation(
  database: Database,
  token: string,
  password: string,
  now = Date.now(),
): Promise<{ email: string } | { problem: 'unknown' | 'used' | 'expired' | 'exists' | 'password'; message?: string }> {
  const found = await findInvitation(database, token, now);
  if (!found.invitation) return { problem: found.problem };
  const weak = passwordProblem(password);
  if (weak) return { problem: 'password', message: weak };
  const passwordHash = await hashPassword(password);
  const { t } = database;
  const tokenHash = hashSessionToken(token);
  try {
    return await transaction(database, function* (tx) {
      yield* exclusive(database, tx, `account:${found.invitation.email}`);
      // Taken inside the transaction: of two tabs submitting one link, one wins.
      const invited = yield* one(
        tx
          .select({
            email: t.adminInvitations.email,
            role: t.adminInvitations.role,
            senderRole: t.adminUsers.role,
            senderDisabledAt: t.adminUsers.disabledAt,
          })
          .from(t.adminInvitations)
          .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminInvitations.invitedBy))
          .where(and(eq(t.adminInvitations.tokenHash, tokenHash), isNull(t.adminInvitations.acceptedAt))),
      );
      if (!invited) return { problem: 'used' as const };
      // Belt and braces beside the revocation: an invitation grants at most what its sender holds now.
      if (invited.senderDisabledAt) return { problem: 'unknown' as const };
      const open = { email: invited.email, role: lesserRole(invited.role, invited.senderRole) };
      yield* run(
        tx
          .update(t.adminInvitations)
          .set({ acceptedAt: new Date(now) })
          .where(eq(t.adminInvitations.tokenHash, tokenHash)),
      );
      yield* run(
        tx.insert(t.adminUsers).values({ email: open.email, passwordHash, role: open.role, createdAt: new Date(now) }),
      );
      yield* run(auditEntry(tx, t, { actorEmail: open.email, action: 'invitation_accepted', detail: open.role }, now));
      return { email: open.email };
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
function* revokeSentInvitations(database: Database, tx: AppDb, userId: number, now: number, viewerEmail: string) {
  const { t } = database;
  const open = and(eq(t.adminInvitations.invitedBy, userId), isNull(t.adminInvitations.acceptedAt));
  const sent = yield* all(tx.select({ tokenHash: t.adminInvitations.tokenHash }).from(t.adminInvitations).where(open));
  if (sent.length === 0) return 0;
  yield* run(tx.delete(t.adminInvitations).where(open));
  const detail = `${sent.length} sent by account #${userId}`;
  yield* run(auditEntry(tx, t, { actorEmail: viewerEmail, action: 'invited', detail: `revoked ${detail}` }, now));
  return sent.length;
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

export async function changeRole(userId: number, role: Role, context?: AdminContext): Promise<{ revoked: number }> {
  const { database, viewer, now: clock } = await authorizeRole(onlyOwners, 'change a role', context);
  const { t } = database;
  const now = clock();
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, 'owners');
    const user = yield* one(
      tx
        .select({ email: t.adminUsers.email, role: t.adminUsers.role })
        .from(t.adminUsers)
        .where(eq(t.adminUsers.id, userId)),
    );
    if (!user) throw new TeamError('no-account');
    if (user.role === role) return { revoked: 0 };
    if (user.role === 'owner') yield* assertAnotherOwner(database, tx, userId);
    yield* run(tx.update(t.adminUsers).set({ role }).where(eq(t.adminUsers.id, userId)));
    yield* run(
      auditEntry(
        tx,
        t,
        { actorEmail: viewer.email, action: 'role_changed', detail: `${user.email}: ${user.role} → ${role}` },
        now,
      ),
    );
    const demoted = lesserRole(user.role, role) === role;
    return { revoked: demoted ? yield* revokeSentInvitations(database, tx, userId, now, viewer.email) : 0 };
  });
}

/** Disabling ends the account's sessions at once; enabling lets it sign in again with its password. */
export async function setDisabled(
  userId: number,
  disabled: boolean,
  context?: AdminContext,
): Promise<{ revoked: number }> {
  const { database, viewer, now: clock } = await authorizeRole(onlyOwners, 'disable an account', context);
  const { t } = database;
  const now = clock();
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, 'owners');
    const user = yield* one(
      tx
        .select({ email: t.adminUsers.email, role: t.adminUsers.role, disabledAt: t.adminUsers.disabledAt })
        .from(t.adminUsers)
        .where(eq(t.adminUsers.id, userId)),
    );
    if (!user) throw new TeamError('no-account');
    if (Boolean(user.disabledAt) === disabled) return { revoked: 0 };
    if (disabled && user.role === 'owner') yield* assertAnotherOwner(database, tx, userId);
    yield* run(
      tx
        .update(t.adminUsers)
        .set({ disabledAt: disabled ? new Date(now) : null })
        .where(eq(t.adminUsers.id, userId)),
    );
    if (disabled) yield* run(tx.delete(t.adminSessions).where(eq(t.adminSessions.userId, userId)));
    const action = disabled ? 'account_disabled' : 'account_enabled';
    yield* run(auditEntry(tx, t, { actorEmail: viewer.email, action, detail: user.email }, now));
    return { revoked: disabled ? yield* revokeSentInvitations(database, tx, userId, now, viewer.email) : 0 };
  });
}

/** The accounts put on a posting in the admin: replaces the list, audited with who was added and removed. */
export async function setPostingMembers(slug: string, userIds: number[], context?: AdminContext): Promise<void> {
  const { database, viewer, now: clock } = await authorizeRole(ownersAndRecruiters, 'change a posting’s team', context);
  const { t } = database;
  const now = clock();
  const wanted = [...new Set(userIds)];
  await transaction(database, function* (tx) {
    yield* exclusive(database, tx, `posting-team:${slug}`);
    const accounts = yield* all(tx.select({ id: t.adminUsers.id, email: t.adminUsers.email }).from(t.adminUsers));
    const emailOf = new Map(accounts.map((a) => [a.id, a.email]));
    const unknown = wanted.filter((id) => !emailOf.has(id));
    if (unknown.length) throw new TeamError('account-gone');
    const current = yield* all(
      tx
        .select({ userId: t.postingMembers.userId })
        .from(t.postingMembers)
        .where(eq(t.postingMembers.postingSlug, slug)),
    );
    const before = new Set(current.map((row) => row.userId));
    const added = wanted.filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !wanted.includes(id));
    for (const userId of removed)
      yield* run(
        tx
          .delete(t.postingMembers)
          .where(and(eq(t.postingMembers.postingSlug, slug), eq(t.postingMembers.userId, userId))),
      );
    for (const userId of added)
      yield* run(tx.insert(t.postingMembers).values({ postingSlug: slug, userId, addedAt: new Date(now) }));
    if (added.length || removed.length) {
      const names = (ids: number[]) => ids.map((id) => emailOf.get(id)).join(', ');
      const detail = [added.length ? `added ${names(added)}` : '', removed.length ? `removed ${names(removed)}` : '']
        .filter(Boolean)
        .join('; ');
      yield* run(
        auditEntry(
          tx,
          t,
          { actorEmail: viewer.email, action: 'posting_team_changed', detail: `${slug}: ${detail}` },
          now,
        ),
      );
    }
  });
}

/** The active accounts that may open applications of a posting: who an application there can go to. */
export async function assignableTo(database: Database, postingSlug: string, teams?: AdminContext['postingTeams']) {
  const { db, t } = database;
  // Three reads whatever the team's size: the active accounts, who was put on this posting, who its front
  // matter names. Owners and recruiters see every posting; a reviewer only if on this one.
  const [active, members, named] = await Promise.all([
    db
      .select({ id: t.adminUsers.id, email: t.adminUsers.email, role: t.adminUsers.role })
      .from(t.adminUsers)
      .where(isNull(t.adminUsers.disabledAt))
      .orderBy(asc(t.adminUsers.email)),
    db
      .select({ userId: t.postingMembers.userId })
      .from(t.postingMembers)
      .where(eq(t.postingMembers.postingSlug, postingSlug)),
    (teams ?? contentPostingTeams)().then((all) => all.get(postingSlug) ?? []),
  ]);
  const onPosting = new Set(members.map((row) => row.userId));
  return active.filter((user) => seesEveryPosting(user.role) || onPosting.has(user.id) || named.includes(user.email));
}

/** The people an application can be assigned to, for its page. */
export async function listAssignable(id: number, context?: AdminContext) {
  const allowed = await authorizeApplication(id, 'list who can be assigned', context);
  if (!allowed) return [];
  return assignableTo(allowed.database, allowed.postingSlug, allowed.postingTeams);
}

/**
 * Assigns applications to a team member (or nobody, with null), who is told by email unless they assigned
 * themselves. Each application is checked on its own: the ones the viewer may not open are refused and
 * audited, the ones the assignee may not open are refused with a reason.
 */
export async function assignApplications(
  ids: number[],
  assigneeId: number | null,
  context?: AdminContext,
): Promise<{ assigned: number; refused: number }> {
  let assigned = 0;
  let refused = 0;
  // Who may be assigned depends on the posting alone: read once per posting, not once per application.
  const audiences = new Map<string, ReturnType<typeof assignableTo>>();
  for (const id of ids) {
    const allowed = await authorizeApplication(id, 'assign the application', context);
    if (!allowed) {
      refused++;
      continue;
    }
    const { database, viewer, postingSlug, now: clock } = allowed;
    const { t } = database;
    let assignee: Awaited<ReturnType<typeof assignableTo>>[number] | null | undefined = null;
    if (assigneeId !== null) {
      if (!audiences.has(postingSlug))
        audiences.set(postingSlug, assignableTo(database, postingSlug, allowed.postingTeams));
      assignee = (await audiences.get(postingSlug)!).find((u) => u.id === assigneeId);
    }
    if (assigneeId !== null && !assignee) {
      refused++;
      continue;
    }
    const now = clock();
    const changed = await transaction(database, function* (tx) {
      yield* exclusive(database, tx, `application:${id}`);
      const current = yield* one(
        tx
          .select({
            assigneeId: t.applications.assigneeId,
            fullName: t.applications.fullName,
            postingTitle: t.applications.postingTitle,
          })
          .from(t.applications)
          .where(and(eq(t.applications.id, id), isNull(t.applications.erasedAt))),
      );
      if (!current) return false;
      if (current.assigneeId === assigneeId) return true;
      yield* run(tx.update(t.applications).set({ assigneeId }).where(eq(t.applications.id, id)));
      const detail = assignee ? `to ${assignee.email}` : 'to nobody';
      yield* run(auditEntry(tx, t, { actorEmail: viewer.email, action: 'assigned', applicationId: id, detail }, now));
      if (assignee && assignee.id !== viewer.userId) {
        const notice = mail(
          'assignment',
          assignee.email,
          {
            postingTitle: current.postingTitle,
            candidateName: current.fullName,
            applicationId: id,
            assignedBy: viewer.email,
          },
          id,
        );
        yield* run(queueMail(tx, t, notice, now));
      }
      return true;
    });
    if (changed) assigned++;
    else refused++;
  }
  return { assigned, refused };
}

/**
 * Who the inbox's "assign the chosen to" offers: every active account to owners and recruiters; to a reviewer,
 * only the people who can open applications of the reviewer's own postings (never the whole team's
 * addresses). Each assignment is checked again on its own.
 */
export async function listActiveMembers(context?: AdminContext) {
  const { database, slugs, postingTeams } = await authorizeScoped(context);
  const { db, t } = database;
  if (slugs === null) {
    return db
      .select({ id: t.adminUsers.id, email: t.adminUsers.email })
      .from(t.adminUsers)
      .where(isNull(t.adminUsers.disabledAt))
      .orderBy(asc(t.adminUsers.email));
  }
  const audiences = await Promise.all(slugs.map((slug) => assignableTo(database, slug, postingTeams)));
  const people = new Map(audiences.flat().map((user) => [user.id, { id: user.id, email: user.email }]));
  return [...people.values()].sort((a, b) => a.email.localeCompare(b.email));
}
