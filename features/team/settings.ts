import 'server-only';
import { eq } from 'drizzle-orm';
import type { AppDb, Tables } from '@/db/database';
import { run, type Steps } from '@/db/transaction';

// The team's own rules, set by an owner: one row per rule in `team_settings` (`second_factor_required`,
// `sso_only`), read where the rule applies and written with the owner and the time.

export type TeamSetting = 'second_factor_required' | 'sso_only';

/** Whether the rule is on; a query, so it runs on its own (`await`) or as a transaction's step (`one`). */
export const settingIsOn = (db: AppDb, t: Tables, key: TeamSetting) =>
  db.select({ value: t.teamSettings.value }).from(t.teamSettings).where(eq(t.teamSettings.key, key));

export const isOn = (rows: { value: string }[]) => rows[0]?.value === 'yes';

/** Turns the rule on or off, inside the transaction that audits it. */
export function* writeSetting({
  tx,
  t,
  key,
  on,
  by,
  at,
}: {
  tx: AppDb;
  t: Tables;
  key: TeamSetting;
  on: boolean;
  by: number;
  at: Date;
}): Steps<void> {
  const set = { value: on ? 'yes' : 'no', updatedAt: at, updatedBy: by };
  yield* run(
    tx
      .insert(t.teamSettings)
      .values({ key, ...set })
      .onConflictDoUpdate({ target: t.teamSettings.key, set }),
  );
}
