import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';

// Whether the team requires a second factor of everyone (an owner's choice, features/two-factor/team.ts).
// Read by the session check (features/staff/context.ts), only for members who have none.

export const SECOND_FACTOR_REQUIRED = 'second_factor_required';

export async function secondFactorRequired({ db, t }: Database): Promise<boolean> {
  const [row] = await db
    .select({ value: t.teamSettings.value })
    .from(t.teamSettings)
    .where(eq(t.teamSettings.key, SECOND_FACTOR_REQUIRED));
  return row?.value === 'yes';
}
