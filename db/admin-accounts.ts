import { eq } from 'drizzle-orm';
import { hashPassword, passwordProblem } from '@/lib/auth/password';
import { emailKey } from '@/lib/email-key';
import { IMMEDIATE, type Db } from './client';
import { adminSessions, adminUsers } from './schema';

// Account management for the `admin:*` command-line scripts. Not `server-only`, because the scripts run
// outside Next; whoever can run them can already read the database file, so there is no session to check.
// No page or action imports this module.

export class AccountError extends Error {}

export async function createAdminUser(db: Db, email: string, password: string, now = new Date()) {
  const normalised = emailKey(email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised) || normalised.length > 254) {
    throw new AccountError(`"${email}" is not an email address`);
  }
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const existing = db.select({ id: adminUsers.id }).from(adminUsers).where(eq(adminUsers.email, normalised)).get();
  if (existing) throw new AccountError(`An account for ${normalised} already exists`);
  const passwordHash = await hashPassword(password);
  return db
    .insert(adminUsers)
    .values({ email: normalised, passwordHash, createdAt: now })
    .returning({ id: adminUsers.id, email: adminUsers.email })
    .get();
}

export function listAdminUsers(db: Db) {
  return db
    .select({
      id: adminUsers.id,
      email: adminUsers.email,
      createdAt: adminUsers.createdAt,
      disabledAt: adminUsers.disabledAt,
    })
    .from(adminUsers)
    .orderBy(adminUsers.id)
    .all();
}

/** Disables the account and ends all its sessions at once. */
export function disableAdminUser(db: Db, email: string, now = new Date()): void {
  const normalised = emailKey(email);
  db.transaction((tx) => {
    const user = tx.select({ id: adminUsers.id }).from(adminUsers).where(eq(adminUsers.email, normalised)).get();
    if (!user) throw new AccountError(`No account for ${normalised}`);
    tx.update(adminUsers).set({ disabledAt: now }).where(eq(adminUsers.id, user.id)).run();
    tx.delete(adminSessions).where(eq(adminSessions.userId, user.id)).run();
  }, IMMEDIATE);
}
