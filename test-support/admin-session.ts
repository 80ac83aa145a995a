import assert from 'node:assert/strict';
import { signIn } from '@/db/admin/auth';
import { NotSignedInError, type AdminContext } from '@/db/admin/context';
import { createAdminUser } from '@/db/admin-accounts';
import type { Database } from '@/db/database';

/** An admin account on `database` and a data-layer context signed in as it, as a page would have. */
export async function signedInContext(database: Database, email = 'manager@example.com'): Promise<AdminContext> {
  const password = 'a long enough password';
  await createAdminUser(database, email, password);
  const result = await signIn({ email, password, address: '10.0.0.1' }, database);
  assert.equal(result.status, 'ok');
  return signedContext(database, (result as { token: string }).token);
}

export function signedContext(database: Database, token: string | undefined): AdminContext {
  return {
    database,
    token: async () => token,
    deny: () => {
      throw new NotSignedInError();
    },
    now: Date.now,
  };
}
