import assert from 'node:assert/strict';
import { signIn } from '@/db/admin/auth';
import { NotSignedInError, type AdminContext } from '@/db/admin/context';
import { createAdminUser } from '@/db/admin-accounts';
import { openDatabase, type Database } from '@/db/database';

/** An admin account on `database` and a data-layer context signed in as it, as a page would have. */
export async function signedInContext(database: Database, email = 'manager@example.com'): Promise<AdminContext> {
  const password = 'a long enough password';
  await createAdminUser(database, email, password);
  const result = await signIn({ email, password, address: '10.0.0.1' }, database);
  assert.equal(result.status, 'ok');
  return signedContext(database, (result as { token: string }).token);
}

/**
 * A data-layer context whose session cookie holds `token` (read when the data layer asks, so a function may
 * name an account signed in later), with the rest as a page would have it unless `overrides` say otherwise.
 */
export function signedContext(
  database: Database,
  token: string | undefined | (() => string | undefined),
  overrides: Partial<AdminContext> = {},
): AdminContext {
  return {
    database,
    token: async () => (typeof token === 'function' ? token() : token),
    deny: () => {
      throw new NotSignedInError();
    },
    now: Date.now,
    ...overrides,
  };
}

/** An admin account and a session of its own, through the data layer: the cookie a browser would send. */
export async function adminCookie(databaseUrl: string): Promise<string> {
  const database = await openDatabase(databaseUrl);
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  await createAdminUser(database, email, 'a long enough password');
  const result = await signIn({ email, password: 'a long enough password', address: '127.0.0.1' }, database);
  await database.close();
  if (result.status !== 'ok') throw new Error(`sign-in for the cookie: ${result.status}`);
  return `admin_session=${result.token}`;
}
