import 'server-only';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { emailKey } from '@/features/mail/email-key';
import { signInColumns, type Account } from '@/features/staff/auth';
import { hashPassword } from '@/features/staff/password';
import { takeInvitation } from '@/features/team/invitations';
import { ROLES } from '@/lib/roles';
import { newToken } from '@/lib/security/token';
import type { Claims } from './client';
import type { SsoConfig } from './config';
import type { Refusal } from './messages';

// Who a verified email is on the team. The provider only says who the person is; roles are this site's.

/** How a single sign-on reads in the audit log. */
export const SSO_HOW = 'single sign-on';

/** The least-privileged role: what a colleague of an allowed domain starts with. */
const NEWCOMER_ROLE = ROLES.at(-1)!;

export type Found = { user: Account } | { refused: Refusal; account?: string; email?: string };

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * Who the verified email is on the team: its account; else the account made now from an open invitation (with
 * the invitation's role, at most its sender's) or from an allowed domain (the least-privileged role).
 */
export async function teamAccount({
  database,
  config,
  claims,
  at,
}: {
  database: Database;
  config: SsoConfig;
  claims: Claims;
  at: number;
}): Promise<Found> {
  // ASCII only: lower-casing some other letters gives ASCII ones (the Kelvin sign's "k"), and a verified
  // address would then name another account.
  if (!claims.email || claims.email.length > 254 || !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(claims.email))
    return { refused: 'no-email' };
  // An unverified address may be anyone's (some providers let people type one): it matches nothing here.
  if (!claims.emailVerified) return { refused: 'unverified' };
  const email = emailKey(claims.email);
  const { db, t } = database;
  const account = async () =>
    (await db.select(signInColumns(t)).from(t.adminUsers).where(eq(t.adminUsers.email, email)).limit(1))[0];
  const subject = `${config.issuer.href} ${claims.sub}`;
  const judge = async (user: Account): Promise<Found> => {
    if (user.disabledAt) return { refused: 'disabled', account: user.email };
    // The first single sign-on binds the account to the provider's person; a later one must be the same person.
    const bound = await db
      .update(t.adminUsers)
      .set({ oidcSubject: subject })
      .where(
        and(eq(t.adminUsers.id, user.id), or(isNull(t.adminUsers.oidcSubject), eq(t.adminUsers.oidcSubject, subject))),
      )
      .returning({ id: t.adminUsers.id });
    return bound.length ? { user } : { refused: 'another-person', account: user.email };
  };
  const existing = await account();
  if (existing) return judge(existing);
  // Sign-in never stores a password, but the column is required: a hash of random bytes nobody knows, so
  // password sign-in stays impossible until the member chooses one with a reset link.
  const unusable = await hashPassword(newToken());
  try {
    const made = await transaction(database, function* (tx) {
      yield* exclusive(database, tx, `account:${email}`);
      const since = yield* one(
        tx.select({ id: t.adminUsers.id }).from(t.adminUsers).where(eq(t.adminUsers.email, email)),
      );
      if (since) return 'existing' as const;
      // An open invitation to the address: used up as the join page uses it, the role at most the sender's.
      const which = and(eq(t.adminInvitations.email, email), gt(t.adminInvitations.expiresAt, new Date(at)));
      const invited = yield* takeInvitation({
        database,
        tx,
        which: which!,
        passwordHash: unusable,
        now: at,
        how: SSO_HOW,
      });
      if (!('problem' in invited)) return 'invited' as const;
      if (!config.allowedDomains.includes(domainOf(email))) return 'stranger' as const;
      // The first account is the command line's (features/sso/settings.ts counts on it): none is made before it.
      if (!(yield* one(tx.select({ id: t.adminUsers.id }).from(t.adminUsers).limit(1)))) return 'stranger' as const;
      yield* run(
        tx.insert(t.adminUsers).values({ email, passwordHash: unusable, role: NEWCOMER_ROLE, createdAt: new Date(at) }),
      );
      const entry = { actorEmail: email, action: 'sso_joined' as const, detail: NEWCOMER_ROLE };
      yield* run(auditEntry({ db: tx, t, entry, now: at }));
      return 'domain' as const;
    });
    if (made === 'stranger') return { refused: 'not-on-team', email };
  } catch (error) {
    // Made by another tab between our look and the insert: that account is the one to sign in to.
    if (!isUniqueViolation(error, { name: 'admin_users_email_unique', column: 'admin_users.email' })) throw error;
  }
  const user = await account();
  return user ? judge(user) : { refused: 'not-on-team', email };
}
