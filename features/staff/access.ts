import 'server-only';
import { eq, inArray, sql, type Column } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { auditEntry } from '@/features/audit/log';
import { seesEveryPosting, type Role } from '@/lib/roles';
import { authorize, type AdminContext, type Viewer } from './context';

// Who may see which applications. Every admin read and write asks here, next to the data, so no route,
// action or export can reach an application its viewer may not: owners and recruiters see every posting,
// a reviewer only the postings they are on (put there in the admin, or named in the posting's `hiringTeam:`).

/** Each posting's `hiringTeam:` addresses, from the content (unit tests pass their own). */
export type PostingTeams = () => Promise<ReadonlyMap<string, readonly string[]>>;

export const contentPostingTeams: PostingTeams = async () => {
  const { listAllPostings } = await import('@/lib/content');
  return new Map((await listAllPostings()).map((posting) => [posting.slug, posting.hiringTeam]));
};

/** The slugs of the postings a viewer is on; null when their role sees every posting. */
export async function visiblePostings({
  database,
  viewer,
  teams = contentPostingTeams,
}: {
  database: Database;
  viewer: Pick<Viewer, 'userId' | 'email' | 'role'>;
  teams?: PostingTeams;
}): Promise<string[] | null> {
  const { db, t } = database;
  if (seesEveryPosting(viewer.role)) return null;
  const assigned = await db
    .select({ slug: t.postingMembers.postingSlug })
    .from(t.postingMembers)
    .where(eq(t.postingMembers.userId, viewer.userId));
  const named = [...(await teams()).entries()].filter(([, team]) => team.includes(viewer.email)).map(([slug]) => slug);
  return [...new Set([...assigned.map((row) => row.slug), ...named])].sort();
}

const NOTHING = sql`1 = 0`;

/** The condition that keeps a query on `applications` to the postings the viewer may see. */
export function postingScope(column: Column, slugs: string[] | null) {
  if (slugs === null) return undefined;
  return slugs.length ? inArray(column, slugs) : NOTHING;
}

export type Authorized = AdminContext & { viewer: Viewer };

/** The viewer and the postings they may see, for list pages, counts, the dashboard and the export. */
export async function authorizeScoped(context?: AdminContext): Promise<Authorized & { slugs: string[] | null }> {
  const ctx = await authorize(context);
  return {
    ...ctx,
    slugs: await visiblePostings({ database: ctx.database, viewer: ctx.viewer, teams: ctx.postingTeams }),
  };
}

/**
 * The viewer, when they may act on this application; null when it does not exist or they may not (the two
 * look the same, so a reviewer cannot learn which ids exist elsewhere). A refusal is audited with what was
 * tried.
 */
export async function authorizeApplication({
  id,
  attempted,
  context,
}: {
  id: number;
  attempted: string;
  context?: AdminContext;
}): Promise<(Authorized & { postingSlug: string }) | null> {
  const ctx = await authorize(context);
  const { db, t } = ctx.database;
  const [row] = await db
    .select({ postingSlug: t.applications.postingSlug })
    .from(t.applications)
    .where(eq(t.applications.id, id))
    .limit(1);
  if (!row) return null;
  const slugs = await visiblePostings({ database: ctx.database, viewer: ctx.viewer, teams: ctx.postingTeams });
  if (slugs !== null && !slugs.includes(row.postingSlug)) {
    await auditEntry({
      db,
      t,
      entry: { actorEmail: ctx.viewer.email, action: 'access_denied', applicationId: id, detail: attempted },
      now: ctx.now(),
    });
    return null;
  }
  return { ...ctx, postingSlug: row.postingSlug };
}

export class RoleRequiredError extends Error {
  constructor(readonly roles: readonly Role[]) {
    super(`Only ${roles.join(' or ')} accounts can do this`);
  }
}

/** The viewer, when their role is one of `roles`; otherwise the refusal is audited and thrown. */
export async function authorizeRole({
  roles,
  attempted,
  context,
}: {
  roles: readonly Role[];
  attempted: string;
  context?: AdminContext;
}): Promise<Authorized> {
  const ctx = await authorize(context);
  if (!roles.includes(ctx.viewer.role)) {
    const { db, t } = ctx.database;
    await auditEntry({
      db,
      t,
      entry: { actorEmail: ctx.viewer.email, action: 'access_denied', detail: attempted },
      now: ctx.now(),
    });
    throw new RoleRequiredError(roles);
  }
  return ctx;
}

/** Whether a viewer may act on applications of this posting (for pages that show or hide a control). */
export function canSeePosting(slugs: string[] | null, postingSlug: string): boolean {
  return slugs === null || slugs.includes(postingSlug);
}

export const onlyOwners = ['owner'] as const satisfies readonly Role[];
export const ownersAndRecruiters = ['owner', 'recruiter'] as const satisfies readonly Role[];
