import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeScoped, postingScope } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { DAY_MS } from '@/lib/days';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';
import { site } from '@/lib/site';
import { calendarFeed } from './ics';

// A team member's own interviews: the ones to come, the scorecards still due, and a private calendar feed of
// them. Reads go through the viewer's posting scope: an interviewer taken off a posting stops seeing its
// interviews here, as everywhere.

/** How far back a feed and the list of scorecards due reach. */
const PAST_MS = 30 * DAY_MS;

/** The viewer's booked interviews that are still to come or over within 30 days, soonest first. */
export async function listMyInterviews(context?: AdminContext) {
  const { database, viewer, slugs, now: clock } = await authorizeScoped(context);
  const { db, t } = database;
  const now = clock();
  const i = t.interviews;
  const a = t.applications;
  const rows = await db
    .select({
      id: i.id,
      applicationId: i.applicationId,
      title: i.title,
      kind: i.kind,
      location: i.location,
      timeZone: i.timeZone,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      candidateName: a.fullName,
      postingTitle: a.postingTitle,
    })
    .from(i)
    .innerJoin(t.interviewInterviewers, eq(t.interviewInterviewers.interviewId, i.id))
    .innerJoin(a, eq(a.id, i.applicationId))
    .where(
      and(
        eq(t.interviewInterviewers.userId, viewer.userId),
        eq(i.status, 'booked'),
        gt(i.endsAt, new Date(now - PAST_MS)),
        isNull(a.erasedAt),
        postingScope(a.postingSlug, slugs),
      ),
    )
    .orderBy(asc(i.startsAt));
  const past = rows.filter((row) => row.endsAt!.getTime() <= now);
  // A scorecard submitted (or changed) since the interview began is its feedback.
  const cards = past.length
    ? await db
        .select({ applicationId: t.scorecards.applicationId, submittedAt: t.scorecards.submittedAt })
        .from(t.scorecards)
        .where(
          and(
            eq(t.scorecards.authorId, viewer.userId),
            inArray(
              t.scorecards.applicationId,
              past.map((row) => row.applicationId),
            ),
          ),
        )
    : [];
  const fed = (row: (typeof rows)[number]) =>
    cards.some((card) => card.applicationId === row.applicationId && card.submittedAt >= row.startsAt!);
  return {
    upcoming: rows.filter((row) => row.endsAt!.getTime() > now),
    feedbackDue: past.filter((row) => !fed(row)).reverse(),
  };
}

/** Whether the viewer has a calendar link, and when it was made and last read. */
export async function myCalendarFeed(context?: AdminContext) {
  const { database, viewer } = await authorizeScoped(context);
  const { db, t } = database;
  const [feed] = await db
    .select({ createdAt: t.calendarFeeds.createdAt, lastReadAt: t.calendarFeeds.lastReadAt })
    .from(t.calendarFeeds)
    .where(eq(t.calendarFeeds.userId, viewer.userId))
    .limit(1);
  return feed ?? null;
}

/** A new private link to the viewer's calendar (replacing any earlier one); its path, shown once. */
export async function makeCalendarFeed(context?: AdminContext): Promise<string> {
  const { database, viewer, now: clock } = await authorizeScoped(context);
  const { t } = database;
  const now = clock();
  const token = newToken();
  const row = { tokenHash: hashToken(token), createdAt: new Date(now), lastReadAt: null };
  await transaction(database, function* (tx) {
    yield* run(
      tx
        .insert(t.calendarFeeds)
        .values({ userId: viewer.userId, ...row })
        .onConflictDoUpdate({ target: t.calendarFeeds.userId, set: row }),
    );
    yield* run(auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'calendar_feed_made' }, now }));
  });
  return `/calendar/${token}.ics`;
}

export async function revokeCalendarFeed(context?: AdminContext): Promise<void> {
  const { database, viewer, now } = await authorizeScoped(context);
  const { db, t } = database;
  const removed = await db
    .delete(t.calendarFeeds)
    .where(eq(t.calendarFeeds.userId, viewer.userId))
    .returning({ userId: t.calendarFeeds.userId });
  if (removed.length)
    await auditEntry({ db, t, entry: { actorEmail: viewer.email, action: 'calendar_feed_revoked' }, now: now() });
}

/**
 * The calendar a feed's token opens, for calendar programs (which send no cookie): the member's interviews of
 * the last 30 days and to come, cancelled ones included so subscribed calendars drop them. Named by the
 * candidate's name and the posting, nothing else of theirs. Null for an unknown or revoked token, or a
 * disabled account.
 */
export async function readCalendarFeed({
  token,
  context,
}: {
  token: string;
  context: Pick<AdminContext, 'database' | 'now'>;
}) {
  if (!isWellFormedToken(token)) return null;
  const { database } = context;
  const { db, t } = database;
  const now = context.now();
  const [owner] = await db
    .select({ userId: t.calendarFeeds.userId })
    .from(t.calendarFeeds)
    .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.calendarFeeds.userId))
    .where(and(eq(t.calendarFeeds.tokenHash, hashToken(token)), isNull(t.adminUsers.disabledAt)))
    .limit(1);
  if (!owner) return null;
  await db
    .update(t.calendarFeeds)
    .set({ lastReadAt: new Date(now) })
    .where(eq(t.calendarFeeds.userId, owner.userId));
  const i = t.interviews;
  const a = t.applications;
  const rows = await db
    .select({
      uid: i.uid,
      sequence: i.sequence,
      status: i.status,
      title: i.title,
      kind: i.kind,
      durationMinutes: i.durationMinutes,
      location: i.location,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      applicationId: a.id,
      candidateName: a.fullName,
      postingTitle: a.postingTitle,
    })
    .from(i)
    .innerJoin(t.interviewInterviewers, eq(t.interviewInterviewers.interviewId, i.id))
    .innerJoin(a, eq(a.id, i.applicationId))
    .where(
      and(
        eq(t.interviewInterviewers.userId, owner.userId),
        or(eq(i.status, 'booked'), eq(i.status, 'cancelled')),
        gte(i.endsAt, new Date(now - PAST_MS)),
        lte(i.startsAt, new Date(now + 366 * DAY_MS)),
        isNull(a.erasedAt),
      ),
    )
    .orderBy(desc(i.startsAt))
    .limit(1000);
  return calendarFeed({
    name: `Interviews at ${site.companyName}`,
    events: rows.map((row) => ({
      uid: row.uid,
      sequence: row.sequence,
      cancelled: row.status === 'cancelled',
      title: `${row.title}: ${row.candidateName} (${row.postingTitle})`,
      description: `${row.durationMinutes} minutes. ${row.location}`,
      location: row.location,
      url: `${site.url}/admin/applications/${row.applicationId}`,
      start: row.startsAt!.toISOString(),
      end: row.endsAt!.toISOString(),
    })),
    now,
  });
}
