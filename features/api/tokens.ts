import 'server-only';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import type { AdminContext, Viewer } from '@/features/staff/context';
import type { ApiScope } from '@/lib/api-scopes';
import { lesserRole } from '@/lib/roles';
import { hashToken, newToken } from '@/lib/security/token';

// API tokens: an owner makes one with scopes; it is shown once and only its SHA-256 is kept (the token has 256
// random bits, so a fast hash is enough), with its first characters to tell tokens apart. A token speaks for
// the owner who made it: it stops working when that account is disabled, and sees at most what a recruiter sees.

export const TOKEN_PREFIX = 'cpt_';
const SHOWN = TOKEN_PREFIX.length + 6;
const TOKEN_SHAPE = /^cpt_[A-Za-z0-9_-]{43}$/;
const TOUCH_MS = 60_000;

export class ApiTokenError extends Error {}

const owner = (attempted: string, context?: AdminContext) => authorizeRole({ roles: onlyOwners, attempted, context });

export const actorOf = (tokenId: number) => `api token #${tokenId}`;

export async function createApiToken({
  name,
  scopes,
  context,
}: {
  name: string;
  scopes: ApiScope[];
  context?: AdminContext;
}): Promise<{ id: number; token: string }> {
  const { database, viewer, now: clock } = await owner('create an API token', context);
  const { t } = database;
  const now = clock();
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const id = await transaction(database, function* (tx) {
    const row = yield* one(
      tx
        .insert(t.apiTokens)
        .values({
          name,
          scopes,
          tokenHash: hashToken(token),
          prefix: token.slice(0, SHOWN),
          createdBy: viewer.userId,
          createdAt: new Date(now),
        })
        .returning({ id: t.apiTokens.id }),
    );
    const detail = `token #${row!.id}: ${scopes.join(', ')}`;
    yield* run(
      auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'api_token_created', detail }, now }),
    );
    return row!.id;
  });
  return { id, token };
}

export async function listApiTokens({ context }: { context?: AdminContext } = {}) {
  const { database } = await owner('list API tokens', context);
  const { db, t } = database;
  const k = t.apiTokens;
  return db
    .select({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
      createdBy: t.adminUsers.email,
    })
    .from(k)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, k.createdBy))
    .orderBy(desc(k.id));
}

export async function revokeApiToken({ id, context }: { id: number; context?: AdminContext }): Promise<void> {
  const { database, viewer, now } = await owner('revoke an API token', context);
  const { t } = database;
  await transaction(database, function* (tx) {
    const row = yield* one(
      tx
        .update(t.apiTokens)
        .set({ revokedAt: new Date(now()) })
        .where(and(eq(t.apiTokens.id, id), isNull(t.apiTokens.revokedAt)))
        .returning({ id: t.apiTokens.id }),
    );
    if (!row) throw new ApiTokenError('No such token, or it is already revoked.');
    const entry = { actorEmail: viewer.email, action: 'api_token_revoked' as const, detail: `token #${id}` };
    yield* run(auditEntry({ db: tx, t, entry, now: now() }));
  });
}

export type ApiCaller = { tokenId: number; scopes: readonly string[]; viewer: Viewer };

/** The caller behind `Authorization: Bearer cpt_…`, or null: unknown, revoked, or its owner's account disabled. */
export async function resolveApiToken({
  database,
  authorization,
  now,
}: {
  database: Database;
  authorization: string | null;
  now: number;
}): Promise<ApiCaller | null> {
  const raw = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!raw || !TOKEN_SHAPE.test(raw)) return null;
  const { db, t } = database;
  const k = t.apiTokens;
  const [row] = await db
    .select({ id: k.id, scopes: k.scopes, lastUsedAt: k.lastUsedAt, userId: k.createdBy, role: t.adminUsers.role })
    .from(k)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, k.createdBy))
    .where(and(eq(k.tokenHash, hashToken(raw)), isNull(k.revokedAt), isNull(t.adminUsers.disabledAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_MS) {
    await db
      .update(k)
      .set({ lastUsedAt: new Date(now) })
      .where(and(eq(k.id, row.id), or(isNull(k.lastUsedAt), lt(k.lastUsedAt, new Date(now - TOUCH_MS)))));
  }
  const viewer: Viewer = {
    userId: row.userId,
    email: actorOf(row.id),
    role: lesserRole(row.role, 'recruiter'),
    tokenHash: '',
    failedAttempts: 0,
    previousSignInAt: null,
    // An API token is its own factor: what the team requires of people signing in does not apply.
    mustEnrol: false,
  };
  return { tokenId: row.id, scopes: row.scopes, viewer };
}
