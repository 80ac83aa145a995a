import 'server-only';
import type { Database } from '@/db/database';
import { isOn, settingIsOn } from '@/features/team/settings';

// Whether the team requires a second factor of everyone (an owner's choice, features/two-factor/team.ts).
// Read by the session check (features/staff/context.ts), only for members who have none.

export async function secondFactorRequired({ db, t }: Database): Promise<boolean> {
  return isOn(await settingIsOn(db, t, 'second_factor_required'));
}
