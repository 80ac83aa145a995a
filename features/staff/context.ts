import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { cache } from 'react';
import type { Database } from '@/db/database';
import { getDb } from '@/db/index';
import { hasPasskey } from '@/features/passkeys/held';
import { SSO_HOW } from '@/features/sso/membership';
import { secondFactorRequired } from '@/features/two-factor/requirement';
import { isSecureRequest } from '@/lib/http/request';
import type { Role } from '@/lib/roles';
import type { ScorecardAttribute } from '@/lib/scorecard';
import { sessionCookieName, SESSION_TOUCH_MS, sessionIsLive } from '@/lib/security/session-token';
import { hashToken, isWellFormedToken } from '@/lib/security/token';

/** The signed-in hiring manager, as every admin read and write sees them. */
export type Viewer = {
  userId: number;
  email: string;
  role: Role;
  tokenHash: string;
  /** Failed sign-ins to the account between the previous sign-in and this session's. */
  failedAttempts: number;
  previousSignInAt: Date | null;
  /** The team requires a second factor and this member has none yet: they may only set one up. */
  mustEnrol: boolean;
};

/**
 * Where a data-access call finds its database and session. Pages, actions and route handlers use the
 * request's cookie; unit tests pass their own database and token. `deny` decides how a refusal looks.
 */
export type AdminContext = {
  database: Database;
  token: () => Promise<string | undefined>;
  deny: () => never;
  /** How a member who must set up a second factor first is turned away (to its page, in the app). */
  enrol?: () => never;
  now: () => number;
  /** Each posting's `hiringTeam:` (features/staff/access.ts reads the content when this is left out). */
  postingTeams?: () => Promise<ReadonlyMap<string, readonly string[]>>;
  /** Who acts when it is not a signed-in person: an API token's caller (features/api/tokens.ts). */
  asViewer?: Viewer;
  /** A posting's scorecard attributes (features/scorecards/queries.ts reads the content when this is left out). */
  postingScorecard?: (postingSlug: string) => Promise<readonly ScorecardAttribute[]>;
};

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in');
  }
}

export class SecondFactorRequiredError extends Error {
  constructor() {
    super('The team requires a second factor: set one up first');
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
  return {
    database: await getDb(),
    token: readSessionCookie,
    deny: () => redirect('/admin/sign-in'),
    enrol: () => redirect('/admin/two-factor'),
    now: Date.now,
  };
}

/** The viewer behind a raw token, or null; extends the idle expiry at most once a minute. */
export async function resolveSession({
  database,
  token,
  now,
}: {
  database: Database;
  token?: string;
  now: number;
}): Promise<Viewer | null> {
  if (!isWellFormedToken(token)) return null;
  const { db, t } = database;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      userId: t.adminUsers.id,
      email: t.adminUsers.email,
      role: t.adminUsers.role,
      lastSeenAt: t.adminSessions.lastSeenAt,
      expiresAt: t.adminSessions.expiresAt,
      failedAttempts: t.adminSessions.failedAttempts,
      previousSignInAt: t.adminSessions.previousSignInAt,
      totpConfirmedAt: t.adminUsers.totpConfirmedAt,
      signedInWith: t.adminSessions.signedInWith,
    })
    .from(t.adminSessions)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.adminSessions.userId))
    .where(and(eq(t.adminSessions.tokenHash, tokenHash), isNull(t.adminUsers.disabledAt)))
    .limit(1);
  if (!row) return null;
  if (!sessionIsLive(row, now)) {
    await db.delete(t.adminSessions).where(eq(t.adminSessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db
      .update(t.adminSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(t.adminSessions.tokenHash, tokenHash));
  }
  const { userId, email, role, failedAttempts, previousSignInAt } = row;
  // Single sign-on meets the requirement: the identity provider is trusted to have asked for its own second
  // factor (and a member it made has no password to set one up here with).
  const mustEnrol =
    !row.totpConfirmedAt &&
    row.signedInWith !== SSO_HOW &&
    (await secondFactorRequired(database)) &&
    !(await hasPasskey(database, userId));
  return { userId, email, role, tokenHash, failedAttempts, previousSignInAt, mustEnrol };
}

// Once per request, however many reads and writes of the page ask: the layout, the page's queries and
// the actions all authorise against the same session lookup.
const requestViewer = cache(async (): Promise<Viewer | null> =>
  resolveSession({ database: await getDb(), token: await readSessionCookie(), now: Date.now() }),
);

/** The viewer, or null when nobody is signed in. For route handlers that answer 401 themselves. */
export async function currentViewer(context?: AdminContext): Promise<Viewer | null> {
  if (!context) return requestViewer();
  if (context.asViewer) return context.asViewer;
  return resolveSession({ database: context.database, token: await context.token(), now: context.now() });
}

/**
 * The viewer, or the context's refusal (a redirect to sign-in in the app). Every admin read and write starts
 * here. A member the team requires a second factor of, who has none, is sent to set one up: only the reads
 * and writes of that page (`enrolling`) let them through.
 */
export async function authorize(
  context?: AdminContext,
  { enrolling = false }: { enrolling?: boolean } = {},
): Promise<AdminContext & { viewer: Viewer }> {
  const ctx = context ?? (await requestContext());
  const viewer = (await currentViewer(context)) ?? ctx.deny();
  if (viewer.mustEnrol && !enrolling) {
    if (ctx.enrol) ctx.enrol();
    throw new SecondFactorRequiredError();
  }
  return { ...ctx, viewer };
}
