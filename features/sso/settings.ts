import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, onlyOwners, ownersAndRecruiters } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { TeamError } from '@/features/team/team-error';
import { ssoConfig } from './config';

// "Only single sign-on": an owner's choice (team_settings), in effect while single sign-on is configured, so
// removing the OIDC_* variables brings passwords back rather than locking everyone out. One account keeps its
// password for when the provider is down: the break-glass account, the team's first, which only the command
// line can make (invitations need an owner to send them, and single sign-on makes no account while there is
// none), as long as it is an active owner.

export const SSO_ONLY = 'sso_only';

/** Whether an owner made single sign-on the only way in (and it is configured). */
export async function ssoOnly(database: Database): Promise<boolean> {
  return ssoConfig() !== null && (await ssoOnlySetting(database));
}

async function ssoOnlySetting({ db, t }: Database): Promise<boolean> {
  const [row] = await db
    .select({ value: t.teamSettings.value })
    .from(t.teamSettings)
    .where(eq(t.teamSettings.key, SSO_ONLY));
  return row?.value === 'yes';
}

/** The break-glass account: the first account made, while it is an active owner; otherwise none. */
export async function breakGlassAccount({ db, t }: Database): Promise<{ id: number; email: string } | null> {
  const [first] = await db
    .select({
      id: t.adminUsers.id,
      email: t.adminUsers.email,
      role: t.adminUsers.role,
      disabledAt: t.adminUsers.disabledAt,
    })
    .from(t.adminUsers)
    .orderBy(asc(t.adminUsers.id))
    .limit(1);
  return first && first.role === 'owner' && !first.disabledAt ? { id: first.id, email: first.email } : null;
}

/**
 * Whether the account may not use a password (sign-in, reset links): the team signs in with single sign-on
 * only and it is not the break-glass account.
 */
export async function passwordRefused({ database, userId }: { database: Database; userId: number }): Promise<boolean> {
  if (!ssoConfig() || !(await ssoOnlySetting(database))) return false;
  return (await breakGlassAccount(database))?.id !== userId;
}

/**
 * Whether a password typed for this address is refused: the team signs in with single sign-on only and the
 * address is not the break-glass account's. Known or unknown alike, so the refusal says nothing about either.
 */
export async function passwordRefusedFor({ database, email }: { database: Database; email: string }): Promise<boolean> {
  if (!ssoConfig() || !(await ssoOnlySetting(database))) return false;
  return (await breakGlassAccount(database))?.email !== email;
}

/**
 * While single sign-on is the only way in, the break-glass account stays an active owner: demoting or
 * disabling it would leave nobody a way in when the provider is down. Run in the change's transaction.
 */
export function* assertBreakGlassStays(database: Database, tx: AppDb, userId: number): Steps<void> {
  const { t } = database;
  if (!ssoConfig()) return;
  const setting = yield* one(
    tx.select({ value: t.teamSettings.value }).from(t.teamSettings).where(eq(t.teamSettings.key, SSO_ONLY)),
  );
  if (setting?.value !== 'yes') return;
  const first = yield* one(
    tx.select({ id: t.adminUsers.id }).from(t.adminUsers).orderBy(asc(t.adminUsers.id)).limit(1),
  );
  if (first?.id === userId) throw new TeamError('break-glass-stays');
}

/** For the team page: whether single sign-on is configured, whether it is the only way in, who keeps a password. */
export async function ssoStatus(context?: AdminContext) {
  const { database } = await authorizeRole({
    roles: ownersAndRecruiters,
    attempted: 'read the sign-in settings',
    context,
  });
  const config = ssoConfig();
  if (!config) return null;
  const [only, breakGlass] = await Promise.all([ssoOnlySetting(database), breakGlassAccount(database)]);
  return { name: config.name, only, breakGlass: breakGlass?.email ?? null };
}

/** An owner makes single sign-on the only way in (but for the break-glass account), or lets passwords back. */
export async function setSsoOnly({ on, context }: { on: boolean; context?: AdminContext }): Promise<void> {
  const { database, viewer, now } = await authorizeRole({
    roles: onlyOwners,
    attempted: 'change how the team signs in',
    context,
  });
  if (!ssoConfig()) throw new TeamError('sso-off');
  // Without the break-glass account nobody could get in while the provider is down.
  if (on && !(await breakGlassAccount(database))) throw new TeamError('no-break-glass');
  const { t } = database;
  const value = on ? 'yes' : 'no';
  const at = new Date(now());
  await transaction(database, function* (tx) {
    yield* run(
      tx
        .insert(t.teamSettings)
        .values({ key: SSO_ONLY, value, updatedAt: at, updatedBy: viewer.userId })
        .onConflictDoUpdate({ target: t.teamSettings.key, set: { value, updatedAt: at, updatedBy: viewer.userId } }),
    );
    const detail = on ? 'single sign-on only' : 'passwords or single sign-on';
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'sso_policy', detail }, now: now() }),
    );
  });
}
