import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { AppDb, Database, Tables } from './database';

// A candidate's private link and their short session. Tokens are 256 random bits; only their SHA-256 is
// stored, so a copy of the database opens nobody's applications. The worker makes a fresh link for every
// email that carries one (so no raw token waits in the outbox), hence no `server-only` here.

export const LINK_MS = 30 * 24 * 60 * 60 * 1000;
export const CANDIDATE_SESSION_MS = 2 * 60 * 60 * 1000;

const newToken = () => crypto.randomBytes(32).toString('base64url');
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const isWellFormedToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

/** A new link for the address, valid for 30 days; returns the raw token, which only the email will carry. */
export async function createLink({ db, t }: Database, emailKey: string, now = Date.now()): Promise<string> {
  const token = newToken();
  await db
    .insert(t.candidateLinks)
    .values({ tokenHash: hashToken(token), emailKey, createdAt: new Date(now), expiresAt: new Date(now + LINK_MS) });
  return token;
}

/** The address a link opens, or null when it is unknown or has expired. */
export async function readLink({ db, t }: Database, token: unknown, now = Date.now()): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const [link] = await db
    .select({ emailKey: t.candidateLinks.emailKey })
    .from(t.candidateLinks)
    .where(and(eq(t.candidateLinks.tokenHash, hashToken(token)), gt(t.candidateLinks.expiresAt, new Date(now))));
  return link?.emailKey ?? null;
}

/** Signs the candidate in to the applications of the address; returns the session's token for the cookie. */
export async function createCandidateSession({ db, t }: Database, emailKey: string, now = Date.now()) {
  const token = newToken();
  const expiresAt = new Date(now + CANDIDATE_SESSION_MS);
  await db
    .insert(t.candidateSessions)
    .values({ tokenHash: hashToken(token), emailKey, createdAt: new Date(now), expiresAt });
  return { token, expiresAt };
}

export async function readCandidateSession({ db, t }: Database, token: unknown, now = Date.now()) {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const [session] = await db
    .select({ emailKey: t.candidateSessions.emailKey })
    .from(t.candidateSessions)
    .where(and(eq(t.candidateSessions.tokenHash, tokenHash), gt(t.candidateSessions.expiresAt, new Date(now))));
  return session ? { emailKey: session.emailKey, tokenHash } : null;
}

/** Every link of the address stops working: a new one was asked for, or the candidate signed out everywhere. */
export async function revokeLinks({ db, t }: Database, emailKey: string): Promise<void> {
  await db.delete(t.candidateLinks).where(eq(t.candidateLinks.emailKey, emailKey));
}

/** Ends every session and link of the address: "sign out everywhere". */
export async function endEverywhere(database: Database, emailKey: string): Promise<void> {
  await revokeLinks(database, emailKey);
  await database.db.delete(database.t.candidateSessions).where(eq(database.t.candidateSessions.emailKey, emailKey));
}

export async function endCandidateSession({ db, t }: Database, token: unknown): Promise<void> {
  if (isWellFormedToken(token))
    await db.delete(t.candidateSessions).where(eq(t.candidateSessions.tokenHash, hashToken(token)));
}

/**
 * Once an address has no application left that is not erased, its links, sessions and the emails about no
 * application in particular (access links) go too: the address itself is personal data. Statements for the
 * erasure's transaction.
 */
export function forgetAddressIfGone(tx: AppDb, t: Tables, emailKey: string) {
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
    .where(and(isNull(o.applicationId), eq(sql`lower(${o.toAddress})`, emailKey), gone));
  return [live(t.candidateLinks), live(t.candidateSessions), mail];
}

/** Links and sessions past their time, removed by the worker. */
export async function deleteExpiredAccess({ db, t }: Database, now = Date.now()): Promise<void> {
  await db.delete(t.candidateLinks).where(lt(t.candidateLinks.expiresAt, new Date(now)));
  await db.delete(t.candidateSessions).where(lt(t.candidateSessions.expiresAt, new Date(now)));
}
