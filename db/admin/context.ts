import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { cache } from 'react';
import type { Db } from '@/db/client';
import { getDb } from '@/db/index';
import { adminSessions, adminUsers } from '@/db/schema';
import {
  sessionCookieName,
  SESSION_TOUCH_MS,
  hashSessionToken,
  isWellFormedToken,
  sessionIsLive,
} from '@/lib/auth/session-token';
import { isSecureRequest } from '@/lib/http/request';

/** The signed-in hiring manager, as every admin read and write sees them. */
export type Viewer = {
  userId: number;
  email: string;
  tokenHash: string;
  /** Failed sign-ins to the account between the previous sign-in and this session's. */
  failedAttempts: number;
  previousSignInAt: Date | null;
};

/**
 * Where a data-access call finds its database and session. Pages, actions and route handlers use the
 * request's cookie; unit tests pass their own database and token. `deny` decides how a refusal looks.
 */
export type AdminContext = {
  db: Db;
  token: () => Promise<string | undefined>;
  deny: () => never;
  now: () => number;
};

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in');
  }
}

/**
 * Reads only the cookie name this request's scheme calls for: over https only `__Host-…`, which a sibling
 * subdomain cannot plant, so nobody can sign a manager in to an account of their choosing.
 */
export async function readSessionCookie(): Promise<string | undefined> {
  const { cookies, headers } = await import('next/headers');
  const name = sessionCookieName(isSecureRequest(await headers()));
  return (await cookies()).get(name)?.value || undefined;
}

// Next's modules are loaded lazily so the data layer can be unit-tested outside Next with a context of its own.
export async function requestContext(): Promise<AdminContext> {
  const { redirect } = await import('next/navigation');
  return { db: getDb(), token: readSessionCookie, deny: () => redirect('/admin/sign-in'), now: Date.now };
}

/** The viewer behind a raw token, or null; extends the idle expiry at most once a minute. */
export function resolveSession(db: Db, token: string | undefined, now: number): Viewer | null {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashSessionToken(token);
  const row = db
    .select({
      userId: adminUsers.id,
      email: adminUsers.email,
      lastSeenAt: adminSessions.lastSeenAt,
      expiresAt: adminSessions.expiresAt,
      failedAttempts: adminSessions.failedAttempts,
      previousSignInAt: adminSessions.previousSignInAt,
    })
    .from(adminSessions)
    .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
    .where(and(eq(adminSessions.tokenHash, tokenHash), isNull(adminUsers.disabledAt)))
    .get();
  if (!row) return null;
  if (!sessionIsLive(row, now)) {
    db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash)).run();
    return null;
  }
  if (now - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    db.update(adminSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(adminSessions.tokenHash, tokenHash))
      .run();
  }
  const { userId, email, failedAttempts, previousSignInAt } = row;
  return { userId, email, tokenHash, failedAttempts, previousSignInAt };
}

// Once per request, however many reads and writes of the page ask: the layout, the page's queries and
// the actions all authorise against the same session lookup.
const requestViewer = cache(async (): Promise<Viewer | null> =>
  resolveSession(getDb(), await readSessionCookie(), Date.now()),
);

/** The viewer, or null when nobody is signed in. For route handlers that answer 401 themselves. */
export async function currentViewer(context?: AdminContext): Promise<Viewer | null> {
  if (!context) return requestViewer();
  return resolveSession(context.db, await context.token(), context.now());
}

/** The viewer, or the context's refusal (a redirect to sign-in in the app). Every admin read and write starts here. */
export async function authorize(context?: AdminContext): Promise<AdminContext & { viewer: Viewer }> {
  const ctx = context ?? (await requestContext());
  const viewer = (await currentViewer(context)) ?? ctx.deny();
  return { ...ctx, viewer };
}
