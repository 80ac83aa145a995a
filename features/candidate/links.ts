import { and, eq, gt, isNull, lt, notExists, notInArray, sql } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { ALERT_MAIL } from '@/features/mail/messages';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';

// A candidate's private link and their short session. Tokens are 256 random bits; only their SHA-256 is
// stored, so a copy of the database opens nobody's applications. The worker makes a fresh link for every
// email that carries one (so no raw token waits in the outbox), hence no `server-only` here.

export const LINK_MS = 30 * 24 * 60 * 60 * 1000;
export const CANDIDATE_SESSION_MS = 2 * 60 * 60 * 1000;

/** A new link for the address, valid for 30 days; returns the raw token, which only the email will carry. */
export async function createLink({
  database,
  emailKey,
  now = Date.now(),
}: {
  database: Database;
  emailKey: string;
  now?: number;
}): Promise<string> {
  const { db, t } = database;
  const token = newToken();
  await db
    .insert(t.candidateLinks)
    .values({ tokenHash: hashToken(token), emailKey, createdAt: new Date(now), expiresAt: new Date(now + LINK_MS) });
  return token;
}

/** The address a link opens, or null when it is unknown or has expired. */
export async function readLink({
  database,
  token,
  now = Date.now(),
}: {
  database: Database;
  token: unknown;
  now?: number;
}): Promise<string | null> {
  const { db, t } = database;
  if (!isWellFormedToken(token)) return null;
  const [link] = await db
    .select({ emailKey: t.candidateLinks.emailKey })
    .from(t.candidateLinks)
    .where(and(eq(t.candidateLinks.tokenHash, hashToken(token)), gt(t.candidateLinks.expiresAt, new Date(now))));
  return link?.emailKey ?? null;
}

/** Signs the candidate in to the applications of the address; returns the session's token for the cookie. */
export async function createCandidateSession({
  database,
  emailKey,
  now = Date.now(),
}: {
  database: Database;
  emailKey: string;
  now?: number;
}) {
  const { db, t } = database;
  const token = newToken();
  const expiresAt = new Date(now + CANDIDATE_SESSION_MS);
  await db
    .insert(t.candidateSessions)
    .values({ tokenHash: hashToken(token), emailKey, createdAt: new Date(now), expiresAt });
  return { token, expiresAt };
}

export async function readCandidateSession({
  database,
  token,
  now = Date.now(),
}: {
  database: Database;
  token: unknown;
  now?: number;
}) {
  const { db, t } = database;
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const [session] = await db
    .select({ emailKey: t.candidateSessions.emailKey })
    .from(t.candidateSessions)
    .where(and(eq(t.candidateSessions.tokenHash, tokenHash), gt(t.candidateSessions.expiresAt, new Date(now))));
  return session ? { emailKey: session.emailKey, tokenHash } : null;
}

/** Every link of the address stops working: a new one was asked for, or the candidate signed out everywhere. */
export async function revokeLinks({ database, emailKey }: { database: Database; emailKey: string }): Promise<void> {
  const { db, t } = database;
  await db.delete(t.candidateLinks).where(eq(t.candidateLinks.emailKey, emailKey));
}

/** Ends every session and link of the address: "sign out everywhere". */
export async function endEverywhere({ database, emailKey }: { database: Database; emailKey: string }): Promise<void> {
  await revokeLinks({ database, emailKey });
  await database.db.delete(database.t.candidateSessions).where(eq(database.t.candidateSessions.emailKey, emailKey));
}

export async function endCandidateSession({ database, token }: { database: Database; token: unknown }): Promise<void> {
  const { db, t } = database;
  if (isWellFormedToken(token))
    await db.delete(t.candidateSessions).where(eq(t.candidateSessions.tokenHash, hashToken(token)));
}

/**
 * Once an address has no application left that is not erased, its links, sessions and the emails about no
 * application in particular (access links) go too: the address itself is personal data. Statements for the
 * erasure's transaction.
 */
export function forgetAddressIfGone({ tx, t, emailKey }: { tx: AppDb; t: Tables; emailKey: string }) {
  const gone = notExists(
    tx.select({ id: t.applications.id }).from(t.applications).where(eq(t.applications.emailKey, emailKey)),
  );
  const live = (table: Tables['candidateLinks'] | Tables['candidateSessions']) =>
    tx.delete(table).where(and(eq(table.emailKey, emailKey), gone));
  const o = t.outbox;
  const mail = tx
    .update(o)
    .set({
      toAddress: 'erased',
      data: null,
      status: sql`CASE WHEN ${o.status} = 'pending' THEN 'failed' ELSE ${o.status} END`,
    })
    // A job alert's emails are the alert's, which lives on its own terms (features/alerts/subscriptions.ts).
    .where(
      and(isNull(o.applicationId), notInArray(o.kind, [...ALERT_MAIL]), eq(sql`lower(${o.toAddress})`, emailKey), gone),
    );
  return [live(t.candidateLinks), live(t.candidateSessions), mail];
}

/** Links and sessions past their time, removed by the worker. */
export async function deleteExpiredAccess({
  database,
  now = Date.now(),
}: {
  database: Database;
  now?: number;
}): Promise<void> {
  const { db, t } = database;
  await db.delete(t.candidateLinks).where(lt(t.candidateLinks.expiresAt, new Date(now)));
  await db.delete(t.candidateSessions).where(lt(t.candidateSessions.expiresAt, new Date(now)));
}
