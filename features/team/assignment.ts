import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeApplication, authorizeScoped, contentPostingTeams } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { seesEveryPosting } from '@/lib/roles';

// Who an application is assigned to: anyone who can open it can give it to someone who can open it too.

/** The active accounts that may open applications of a posting: who an application there can go to. */
export async function assignableTo({
  database,
  postingSlug,
  teams,
}: {
  database: Database;
  postingSlug: string;
  teams?: AdminContext['postingTeams'];
}) {
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
export async function listAssignable({ id, context }: { id: number; context?: AdminContext }) {
  const allowed = await authorizeApplication({ id, attempted: 'list who can be assigned', context });
  if (!allowed) return [];
  return assignableTo({ database: allowed.database, postingSlug: allowed.postingSlug, teams: allowed.postingTeams });
}

// Long: one transaction's steps in order (authorise each, check the assignee, write, audit, tell); split, the
// order that makes it safe would be spread over several functions.
/**
 * Assigns applications to a team member (or nobody, with null), who is told by email unless they assigned
 * themselves. Each application is checked on its own: the ones the viewer may not open are refused and
 * audited, the ones the assignee may not open are refused with a reason.
 */
export async function assignApplications({
  ids,
  assigneeId,
  context,
}: {
  ids: number[];
  assigneeId: number | null;
  context?: AdminContext;
}): Promise<{ assigned: number; refused: number }> {
  let assigned = 0;
  let refused = 0;
  // Who may be assigned depends on the posting alone: read once per posting, not once per application.
  const audiences = new Map<string, ReturnType<typeof assignableTo>>();
  for (const id of ids) {
    const allowed = await authorizeApplication({ id, attempted: 'assign the application', context });
    if (!allowed) {
      refused++;
      continue;
    }
    const { database, viewer, postingSlug, now: clock } = allowed;
    const { t } = database;
    let assignee: Awaited<ReturnType<typeof assignableTo>>[number] | null | undefined = null;
    if (assigneeId !== null) {
      if (!audiences.has(postingSlug))
        audiences.set(postingSlug, assignableTo({ database, postingSlug, teams: allowed.postingTeams }));
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
      yield* run(
        auditEntry({
          db: tx,
          t,
          entry: { actorEmail: viewer.email, action: 'assigned', applicationId: id, detail },
          now,
        }),
      );
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
        yield* run(queueMail({ db: tx, t, mail: notice, now }));
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
  const audiences = await Promise.all(
    slugs.map((slug) => assignableTo({ database, postingSlug: slug, teams: postingTeams })),
  );
  const people = new Map(audiences.flat().map((user) => [user.id, { id: user.id, email: user.email }]));
  return [...people.values()].sort((a, b) => a.email.localeCompare(b.email));
}
