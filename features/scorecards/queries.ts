import 'server-only';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import {
  scorecardErrors,
  scorecardSchema,
  type ScorecardErrors,
  type ScorecardValues,
} from '@/features/scorecards/scorecard-form';
import { authorizeApplication, authorizeScoped, postingScope } from '@/features/staff/access';
import type { AdminContext, Viewer } from '@/features/staff/context';
import {
  meanOverall,
  scorecardOf,
  seesEveryScorecard,
  type AttributeRating,
  type Overall,
  type ScorecardAttribute,
  type ScorecardSummary,
} from '@/lib/scorecard';

// Scorecards: each team member's ratings of an application. Blind until submitted: a member sees their
// colleagues' cards, and their mean, only once their own is in (owners see all), so nobody rates in the
// shadow of the first opinion. Every read and write goes through authorizeApplication (or, for lists, the
// same posting scope), so a reviewer of another posting can neither rate nor read.

/** The attributes the posting's front matter asks for now, by the application's posting slug. */
async function postingScorecard(slug: string, context: AdminContext): Promise<readonly ScorecardAttribute[]> {
  if (context.postingScorecard) return context.postingScorecard(slug);
  // Every posting, drafts and closed ones too: applications outlive a posting's status.
  const { listAllPostings } = await import('@/lib/content');
  return scorecardOf((await listAllPostings()).find((posting) => posting.slug === slug));
}

export type Scorecard = {
  author: string;
  ratings: AttributeRating[];
  overall: Overall;
  note: string | null;
  submittedAt: Date;
};

export type ScorecardsView = {
  /** What a card rates now (old cards keep the names they were rated under). */
  attributes: readonly ScorecardAttribute[];
  mine: Scorecard | null;
  /** The colleagues' cards; null while the viewer may not see them yet (they have not submitted theirs). */
  others: Scorecard[] | null;
  /** How many colleagues have submitted, which the viewer always learns. */
  othersSubmitted: number;
  /** False once the application is erased: nothing is rated any more. */
  canRate: boolean;
};

/** The application's scorecards as the viewer may see them; null when it is missing or not theirs to open. */
export async function getScorecards({
  id,
  context,
}: {
  id: number;
  context?: AdminContext;
}): Promise<ScorecardsView | null> {
  const allowed = await authorizeApplication({ id, attempted: 'read the scorecards', context });
  if (!allowed) return null;
  const { database, viewer, postingSlug } = allowed;
  const { db, t } = database;
  const s = t.scorecards;
  const [attributes, [application], cards] = await Promise.all([
    postingScorecard(postingSlug, allowed),
    db.select({ erasedAt: t.applications.erasedAt }).from(t.applications).where(eq(t.applications.id, id)).limit(1),
    db
      .select({
        authorId: s.authorId,
        author: t.adminUsers.email,
        ratings: s.ratings,
        overall: s.overall,
        note: s.note,
        submittedAt: s.submittedAt,
      })
      .from(s)
      .innerJoin(t.adminUsers, eq(t.adminUsers.id, s.authorId))
      .where(eq(s.applicationId, id))
      .orderBy(asc(s.submittedAt), asc(s.id)),
  ]);
  if (!application) return null;
  const withoutId = ({ authorId: _, ...card }: (typeof cards)[number]): Scorecard => card;
  const mine = cards.find((card) => card.authorId === viewer.userId);
  const others = cards.filter((card) => card.authorId !== viewer.userId);
  const open = mine !== undefined || seesEveryScorecard(viewer.role);
  return {
    attributes,
    mine: mine ? withoutId(mine) : null,
    others: open ? others.map(withoutId) : null,
    othersSubmitted: others.length,
    canRate: application.erasedAt === null,
  };
}

export type SubmitScorecardResult =
  | { status: 'saved'; created: boolean }
  | { status: 'invalid'; errors: ScorecardErrors }
  | { status: 'erased' }
  | { status: 'not-found' };

/**
 * The viewer's own card, first or again: every attribute the posting asks for now rated 1–4, an overall
 * recommendation or "no decision", a note. Checked here against the posting's attributes, whatever the form sent.
 */
export async function submitScorecard({
  id,
  values,
  context,
}: {
  id: number;
  values: ScorecardValues;
  context?: AdminContext;
}): Promise<SubmitScorecardResult> {
  const allowed = await authorizeApplication({ id, attempted: 'submit a scorecard', context });
  if (!allowed) return { status: 'not-found' };
  const { database, viewer, now: clock, postingSlug } = allowed;
  const parsed = scorecardSchema(await postingScorecard(postingSlug, allowed)).safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: scorecardErrors(parsed.error) };
  const card = parsed.data;
  const { t } = database;
  const s = t.scorecards;
  const now = clock();
  return transaction<SubmitScorecardResult>(database, function* (tx) {
    // The same lock as erasure: a card cannot land on an application erased in between.
    yield* exclusive(database, tx, `application:${id}`);
    const open = yield* one(
      tx
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(and(eq(t.applications.id, id), isNull(t.applications.erasedAt))),
    );
    if (!open) return { status: 'erased' };
    const existing = yield* one(
      tx
        .select({ id: s.id })
        .from(s)
        .where(and(eq(s.applicationId, id), eq(s.authorId, viewer.userId))),
    );
    const row = { ratings: card.ratings, overall: card.overall, note: card.note, submittedAt: new Date(now) };
    yield* run(
      tx
        .insert(s)
        .values({ applicationId: id, authorId: viewer.userId, ...row })
        .onConflictDoUpdate({ target: [s.applicationId, s.authorId], set: row }),
    );
    const detail = existing ? 'updated' : 'first';
    yield* run(
      auditEntry({
        db: tx,
        t,
        entry: { actorEmail: viewer.email, action: 'scorecard_submitted', applicationId: id, detail },
        now,
      }),
    );
    return { status: 'saved', created: !existing };
  });
}

/**
 * Count and mean overall per application, for a page or an export batch, in one grouped query over the
 * `scorecards_application_author` index. The caller has authorised the viewer and scoped `ids` to what they
 * may see (listScorecardSummaries does both for pages).
 */
export async function summarizeScorecards({
  database,
  viewer,
  ids,
}: {
  database: Database;
  viewer: Pick<Viewer, 'userId' | 'role'>;
  ids: readonly number[];
}): Promise<Map<number, ScorecardSummary>> {
  const { db, t } = database;
  const summaries = new Map<number, ScorecardSummary>();
  if (ids.length === 0) return summaries;
  const s = t.scorecards;
  const found = await db
    .select({
      applicationId: s.applicationId,
      count: count(),
      decided: count(s.overall),
      sum: sql<number>`coalesce(sum(${s.overall}), 0)`.mapWith(Number),
      mine: sql<number>`coalesce(sum(case when ${s.authorId} = ${viewer.userId} then 1 else 0 end), 0)`.mapWith(Number),
    })
    .from(s)
    .where(inArray(s.applicationId, [...ids]))
    .groupBy(s.applicationId);
  for (const row of found) {
    const blind = row.mine === 0 && !seesEveryScorecard(viewer.role);
    summaries.set(row.applicationId, {
      count: row.count,
      mean: blind ? null : meanOverall(row.sum, row.decided),
      blind,
    });
  }
  return summaries;
}

/** The inbox page's figures for its rows (at most a page), within the postings the viewer may see. */
export async function listScorecardSummaries({ ids, context }: { ids: readonly number[]; context?: AdminContext }) {
  const { database, viewer, slugs } = await authorizeScoped(context);
  if (ids.length === 0) return new Map<number, ScorecardSummary>();
  const { db, t } = database;
  const visible = await db
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(and(inArray(t.applications.id, [...ids]), postingScope(t.applications.postingSlug, slugs)));
  return summarizeScorecards({ database, viewer, ids: visible.map((row) => row.id) });
}
