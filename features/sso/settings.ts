import 'server-only';
import { asc } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, one, run, transaction, type Steps } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, onlyOwners, ownersAndRecruiters } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { isOn, settingIsOn, writeSetting } from '@/features/team/settings';
import { TeamError } from '@/features/team/team-error';
import { ssoConfig } from './config';

// "Only single sign-on": an owner's choice (team_settings), in effect while single sign-on is configured, so
// removing the OIDC_* variables brings passwords back rather than locking everyone out. One account keeps its
// password for when the provider is down: the break-glass account, the team's first, which only the command
// line can make (invitations need an owner to send them, and single sign-on makes no account while there is
// none), as long as it is an active owner.

/** Whether an owner made single sign-on the only way in (and it is configured). */
export async function ssoOnly({ db, t }: Database): Promise<boolean> {
  return ssoConfig() !== null && isOn(await settingIsOn(db, t, 'sso_only'));
}

/** The team's first account, the command line's: the query, for a transaction's step or on its own. */
const firstAccount = (db: AppDb, t: Tables) =>
  db
    .select({
      id: t.adminUsers.id,
      email: t.adminUsers.email,
      role: t.adminUsers.role,
      disabledAt: t.adminUsers.disabledAt,
    })
    .from(t.adminUsers)
    .orderBy(asc(t.adminUsers.id))
    .limit(1);

/** The break-glass account: the first account made, while it is an active owner; otherwise none. */
export async function breakGlassAccount({ db, t }: Database): Promise<{ id: number; email: string } | null> {
  const [first] = await firstAccount(db, t);
  return first && first.role === 'owner' && !first.disabledAt ? { id: first.id, email: first.email } : null;
}

/**
 * Whether a password for the account may not be used (sign-in, reset links): the team signs in with single
 * sign-on only and it is not the break-glass account. By address for sign-in, where the account may not exist:
 * known or unknown alike, so the refusal says nothing about either.
 */
export async function passwordRefused({
  database,
  account,
}: {
  database: Database;
  account: { id: number } | { email: string };
}): Promise<boolean> {
  if (!(await ssoOnly(database))) return false;
  const kept = await breakGlassAccount(database);
  return 'id' in account ? kept?.id !== account.id : kept?.email !== account.email;
}

/**
 * While single sign-on is the only way in, the break-glass account stays an active owner: demoting or
 * disabling it would leave nobody a way in when the provider is down. Run in the change's transaction.
 */
export function* assertBreakGlassStays(database: Database, tx: AppDb, userId: number): Steps<void> {
  const { t } = database;
  if (!ssoConfig() || !isOn(yield* all(settingIsOn(tx, t, 'sso_only')))) return;
  const first = yield* one(firstAccount(tx, t));
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
  const [only, breakGlass] = await Promise.all([ssoOnly(database), breakGlassAccount(database)]);
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
  await transaction(database, function* (tx) {
    yield* writeSetting({ tx, t, key: 'sso_only', on, by: viewer.userId, at: new Date(now()) });
    const detail = on ? 'single sign-on only' : 'passwords or single sign-on';
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'sso_policy', detail }, now: now() }),
    );
  });
}
