import 'server-only';
import { and, eq } from 'drizzle-orm';
import { all, exclusive, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, ownersAndRecruiters } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { TeamError } from './team-error';

// Who is on which posting, put there in the admin (besides the posting's own `hiringTeam:`).

/** The accounts put on a posting in the admin: replaces the list, audited with who was added and removed. */
export async function setPostingMembers({
  slug,
  userIds,
  context,
}: {
  slug: string;
  userIds: number[];
  context?: AdminContext;
}): Promise<void> {
  const {
    database,
    viewer,
    now: clock,
  } = await authorizeRole({ roles: ownersAndRecruiters, attempted: 'change a posting’s team', context });
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
        auditEntry({
          db: tx,
          t,
          entry: { actorEmail: viewer.email, action: 'posting_team_changed', detail: `${slug}: ${detail}` },
          now,
        }),
      );
    }
  });
}
