import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, one, type Steps } from '@/db/transaction';

// What second factors an account holds: its authenticator app and its passkeys. Sign-in asks for a second step
// when there is one, the team's requirement is met by one, and the last one of a member the team requires one
// of stays. Queries, so each runs on its own (`await`) or as a transaction's step.

const passkeyCount = (db: AppDb, t: Tables, userId: number) =>
  db.select({ n: count() }).from(t.adminPasskeys).where(eq(t.adminPasskeys.userId, userId));

const appOn = (db: AppDb, t: Tables, userId: number) =>
  db.select({ on: t.adminUsers.totpConfirmedAt }).from(t.adminUsers).where(eq(t.adminUsers.id, userId));

/** Whether the account has a passkey. */
export async function hasPasskey({ db, t }: Database, userId: number): Promise<boolean> {
  const [key] = await db
    .select({ id: t.adminPasskeys.id })
    .from(t.adminPasskeys)
    .where(eq(t.adminPasskeys.userId, userId))
    .limit(1);
  return key !== undefined;
}

/** How many passkeys the account has. */
export async function passkeysOf({ db, t }: Database, userId: number): Promise<number> {
  return Number((await passkeyCount(db, t, userId))[0]?.n ?? 0);
}

/** How many second factors the account has: its app (one) and each passkey. */
export async function factorsOf(database: Database, userId: number): Promise<number> {
  const { db, t } = database;
  const [keys, [app]] = await Promise.all([passkeysOf(database, userId), appOn(db, t, userId)]);
  return keys + (app?.on ? 1 : 0);
}

/** The same, inside a transaction. */
export function* factorsLeft({ t }: Database, tx: AppDb, userId: number): Steps<number> {
  const keys = yield* all(passkeyCount(tx, t, userId));
  const app = yield* one(appOn(tx, t, userId));
  return Number(keys[0]?.n ?? 0) + (app?.on ? 1 : 0);
}
