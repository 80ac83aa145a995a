import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { one, run, transaction } from '@/db/transaction';
import { emailKey } from '@/features/mail/email-key';
import { hashPassword, passwordProblem } from '@/features/staff/password';
import type { Role } from '@/lib/roles';

// Account management for the `admin:*` command-line scripts. Not `server-only`, because the scripts run
// outside Next; whoever can run them can already read the database, so there is no session to check.
// No page or action imports this module.

export class AccountError extends Error {}

/** A new account; the CLI makes the first owner, invitations (features/team/invitations.ts) everyone after. */
export async function createAdminUser({
  database,
  email,
  password,
  role = 'owner',
  now = new Date(),
  hash = hashPassword,
}: {
  database: Database;
  email: string;
  password: string;
  role?: Role;
  now?: Date;
  /** How the password is hashed; tests that make many accounts with one password hash it once. */
  hash?: (password: string) => Promise<string>;
}) {
  const { db, t } = database;
  const normalised = emailKey(email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised) || normalised.length > 254) {
    throw new AccountError(`"${email}" is not an email address`);
  }
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const exists = new AccountError(`An account for ${normalised} already exists`);
  const [existing] = await db
    .select({ id: t.adminUsers.id })
    .from(t.adminUsers)
    .where(eq(t.adminUsers.email, normalised));
  if (existing) throw exists;
  const passwordHash = await hash(password);
  try {
    const [user] = await db
      .insert(t.adminUsers)
      .values({ email: normalised, passwordHash, role, createdAt: now })
      .returning({ id: t.adminUsers.id, email: t.adminUsers.email });
    return user!;
  } catch (error) {
    if (isUniqueViolation(error, { name: 'admin_users_email_unique', column: 'admin_users.email' })) throw exists;
    throw error;
  }
}

export function listAdminUsers({ db, t }: Database) {
  const users = t.adminUsers;
  return db
    .select({ id: users.id, email: users.email, createdAt: users.createdAt, disabledAt: users.disabledAt })
    .from(users)
    .orderBy(users.id);
}

/** Disables the account and ends all its sessions at once. */
export async function disableAdminUser({
  database,
  email,
  now = new Date(),
}: {
  database: Database;
  email: string;
  now?: Date;
}): Promise<void> {
  const { t } = database;
  const normalised = emailKey(email);
  await transaction(database, function* (tx) {
    const user = yield* one(
      tx.select({ id: t.adminUsers.id }).from(t.adminUsers).where(eq(t.adminUsers.email, normalised)),
    );
    if (!user) throw new AccountError(`No account for ${normalised}`);
    yield* run(tx.update(t.adminUsers).set({ disabledAt: now }).where(eq(t.adminUsers.id, user.id)));
    yield* run(tx.delete(t.adminSessions).where(eq(t.adminSessions.userId, user.id)));
  });
}
