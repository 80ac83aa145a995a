import 'server-only';
import { eq } from 'drizzle-orm';
import { one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { writeSetting } from '@/features/team/settings';
import { TeamError } from '@/features/team/team-error';
import { clearSecondFactor } from './app';
import { signInChanged } from './notice';

// An owner's say over second factors: requiring one of everyone, and taking a member's away when they lost
// their phone and their recovery codes (they set one up again at their next sign-in, if it is required).

export async function setSecondFactorRequired({
  required,
  context,
}: {
  required: boolean;
  context?: AdminContext;
}): Promise<void> {
  const { database, viewer, now } = await authorizeRole({
    roles: onlyOwners,
    attempted: 'require a second factor',
    context,
  });
  const { t } = database;
  await transaction(database, function* (tx) {
    yield* writeSetting({ tx, t, key: 'second_factor_required', on: required, by: viewer.userId, at: new Date(now()) });
    const detail = required ? 'required of everyone' : 'optional';
    yield* run(
      auditEntry({
        db: tx,
        t,
        entry: { actorEmail: viewer.email, action: 'second_factor_policy', detail },
        now: now(),
      }),
    );
  });
}

/** Takes a member's second factor away; their sessions end too, since someone else may hold the phone. */
export async function removeMemberSecondFactor({ userId, context }: { userId: number; context?: AdminContext }) {
  const { database, viewer, now } = await authorizeRole({
    roles: onlyOwners,
    attempted: 'remove a second factor',
    context,
  });
  const { t } = database;
  // One's own go on the two-factor page, after the password: an open session alone must not be enough.
  if (userId === viewer.userId) throw new TeamError('own-second-factor');
  await transaction(database, function* (tx) {
    const user = yield* one(
      tx.select({ email: t.adminUsers.email }).from(t.adminUsers).where(eq(t.adminUsers.id, userId)),
    );
    if (!user) throw new TeamError('no-account');
    yield* clearSecondFactor(database, tx, userId);
    yield* run(tx.delete(t.adminSessions).where(eq(t.adminSessions.userId, userId)));
    yield* run(tx.delete(t.adminSignInChallenges).where(eq(t.adminSignInChallenges.userId, userId)));
    const entry = { actorEmail: viewer.email, action: 'second_factor_removed' as const, detail: user.email };
    yield* run(auditEntry({ db: tx, t, entry, now: now() }));
    yield* signInChanged({ database, tx, email: user.email, change: 'removed_by_owner', now: now() });
  });
}
