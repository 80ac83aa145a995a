import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';

/** Whether the account has a passkey: sign-in then asks for a second step, and it counts as a second factor. */
export async function hasPasskey({ db, t }: Database, userId: number): Promise<boolean> {
  const [key] = await db
    .select({ id: t.adminPasskeys.id })
    .from(t.adminPasskeys)
    .where(eq(t.adminPasskeys.userId, userId))
    .limit(1);
  return key !== undefined;
}
