import 'server-only';
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { all, exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeApplication } from '@/features/staff/access';
import { authorize, type AdminContext } from '@/features/staff/context';
import { assignableTo } from '@/features/team/assignment';
import { DAY_MS } from '@/lib/days';
import { site } from '@/lib/site';
import { isFinal } from '@/lib/status';
import { bookSteps, cancelSteps, lockInterviewers, overlapSteps, type BookResult, type CancelResult } from './booking';
import type { Proposal, ProposalErrors } from './schemas';
import { formatInZone, parseOfferedTimes } from './times';

// The team's side of interviews, on an application's page: propose, move, cancel. Each call authorises on the
// application (a reviewer only on their postings' applications), and interviewers must be people who can open it.

const MINUTE = 60_000;
/** Times are offered at most a year ahead: further is a typo (2207 for 2027), not a plan. */
const HORIZON_MS = 366 * DAY_MS;

/** The application's interviews with their offered times and interviewers, newest first. */
export async function listInterviews({ applicationId, context }: { applicationId: number; context?: AdminContext }) {
  const allowed = await authorizeApplication({ id: applicationId, attempted: 'read the interviews', context });
  if (!allowed) return null;
  const { db, t } = allowed.database;
  const rows = await db
    .select()
    .from(t.interviews)
    .where(eq(t.interviews.applicationId, applicationId))
    .orderBy(asc(t.interviews.id));
  const ids = rows.map((row) => row.id);
  const [slots, people] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(t.interviewSlots)
          .where(inArray(t.interviewSlots.interviewId, ids))
          .orderBy(asc(t.interviewSlots.startsAt)),
        db
          .select({ interviewId: t.interviewInterviewers.interviewId, id: t.adminUsers.id, email: t.adminUsers.email })
          .from(t.interviewInterviewers)
          .innerJoin(t.adminUsers, eq(t.adminUsers.id, t.interviewInterviewers.userId))
          .where(inArray(t.interviewInterviewers.interviewId, ids))
          .orderBy(asc(t.adminUsers.email)),
      ])
    : [[], []];
  return rows.reverse().map((interview) => ({
    ...interview,
    slots: slots.filter((slot) => slot.interviewId === interview.id).map((slot) => slot.startsAt),
    interviewers: people
      .filter((person) => person.interviewId === interview.id)
      .map(({ id, email }) => ({ id, email })),
  }));
}

export type InterviewListing = NonNullable<Awaited<ReturnType<typeof listInterviews>>>[number];

export type ProposeResult =
  | { status: 'proposed'; interviewId: number }
  | { status: 'invalid'; errors: ProposalErrors }
  | { status: 'closed' }
  | { status: 'not-found' };

/**
 * Proposes an interview: checks the interviewers can open the application and are free at every offered time
 * (booked elsewhere: that time is refused, by name), stores it and emails the candidate a link to choose.
 */
export async function proposeInterview({
  applicationId,
  proposal,
  context,
}: {
  applicationId: number;
  proposal: Proposal;
  context?: AdminContext;
}): Promise<ProposeResult> {
  const allowed = await authorizeApplication({ id: applicationId, attempted: 'propose an interview', context });
  if (!allowed) return { status: 'not-found' };
  const { database, viewer, postingSlug } = allowed;
  const { t } = database;
  const now = allowed.now();
  const eligible = await assignableTo({ database, postingSlug, teams: allowed.postingTeams });
  const eligibleIds = new Set(eligible.map((person) => person.id));
  const interviewerIds = [...new Set(proposal.interviewerIds)];
  if (interviewerIds.some((id) => !eligibleIds.has(id)))
    return { status: 'invalid', errors: { interviewerIds: ['Choose interviewers who can open this application.'] } };
  const tooFar = proposal.starts.filter((start) => start > now + HORIZON_MS);
  if (tooFar.length)
    return {
      status: 'invalid',
      errors: {
        times: tooFar.slice(0, 5).map((at) => `${formatInZone(at, proposal.timeZone)} is more than a year ahead.`),
      },
    };
  const past = proposal.starts.filter((start) => start <= now);
  if (past.length)
    return {
      status: 'invalid',
      errors: { times: past.slice(0, 5).map((at) => `${formatInZone(at, proposal.timeZone)} has passed.`) },
    };
  const minutes = proposal.durationMinutes * MINUTE;
  const result = await transaction(database, function* (tx) {
    // The application's lock, as every change of it takes: no interview is proposed beside its erasure or closing.
    yield* exclusive(database, tx, `application:${applicationId}`);
    const application = yield* one(
      tx
        .select({
          email: t.applications.email,
          postingTitle: t.applications.postingTitle,
          status: t.applications.status,
          erasedAt: t.applications.erasedAt,
        })
        .from(t.applications)
        .where(eq(t.applications.id, applicationId)),
    );
    if (!application || application.erasedAt) return { status: 'not-found' };
    if (isFinal(application.status)) return { status: 'closed' };
    yield* lockInterviewers(database, tx, interviewerIds);
    const busy: string[] = [];
    for (const start of proposal.starts) {
      if (yield* overlapSteps({ tx, t, userIds: interviewerIds, start, end: start + minutes }))
        busy.push(`${formatInZone(start, proposal.timeZone)}: an interviewer is already booked then.`);
      if (busy.length >= 5) break;
    }
    if (busy.length) return { status: 'invalid', errors: { times: busy } };
    const [created] = yield* all(
      tx
        .insert(t.interviews)
        .values({
          applicationId,
          uid: `${randomUUID()}@${new URL(site.url).hostname}`,
          title: proposal.title,
          kind: proposal.kind,
          durationMinutes: proposal.durationMinutes,
          location: proposal.location,
          timeZone: proposal.timeZone,
          cutoffHours: proposal.cutoffHours,
          message: proposal.message || null,
          createdBy: viewer.userId,
          createdAt: new Date(now),
          updatedAt: new Date(now),
        })
        .returning({ id: t.interviews.id }),
    );
    const interviewId = created!.id;
    yield* run(
      tx.insert(t.interviewSlots).values(proposal.starts.map((start) => ({ interviewId, startsAt: new Date(start) }))),
    );
    yield* run(tx.insert(t.interviewInterviewers).values(interviewerIds.map((userId) => ({ interviewId, userId }))));
    const data = { postingTitle: application.postingTitle, title: proposal.title, message: proposal.message || null };
    yield* run(queueMail({ db: tx, t, mail: mail('interview_proposed', application.email, data, applicationId), now }));
    yield* run(
      auditEntry({
        db: tx,
        t,
        entry: {
          actorEmail: viewer.email,
          action: 'interview_proposed',
          applicationId,
          detail: `interview ${interviewId}`,
        },
        now,
      }),
    );
    return { status: 'proposed', interviewId };
  });
  return result as ProposeResult;
}

/** The application an interview belongs to, for authorising on it first. */
async function applicationOf({ interviewId, context }: { interviewId: number; context?: AdminContext }) {
  const { database } = await authorize(context);
  const [row] = await database.db
    .select({ applicationId: database.t.interviews.applicationId })
    .from(database.t.interviews)
    .where(eq(database.t.interviews.id, interviewId))
    .limit(1);
  return row?.applicationId;
}

/** The team sets the interview's time (any time to come, offered or not), with a message for the candidate. */
export async function moveInterview({
  interviewId,
  start,
  message,
  context,
}: {
  interviewId: number;
  start: number;
  message: string | null;
  context?: AdminContext;
}): Promise<{ result: BookResult; applicationId?: number }> {
  const applicationId = await applicationOf({ interviewId, context });
  if (applicationId === undefined) return { result: 'not-found' };
  const allowed = await authorizeApplication({ id: applicationId, attempted: 'move an interview', context });
  if (!allowed) return { result: 'not-found' };
  const { database, viewer } = allowed;
  const now = allowed.now();
  const result = await transaction(database, (tx) =>
    bookSteps({ database, tx, interviewId, start, actor: { kind: 'team', email: viewer.email }, message, now }),
  );
  return { result, applicationId };
}

export async function cancelInterview({
  interviewId,
  message,
  context,
}: {
  interviewId: number;
  message: string | null;
  context?: AdminContext;
}): Promise<{ result: CancelResult; applicationId?: number }> {
  const applicationId = await applicationOf({ interviewId, context });
  if (applicationId === undefined) return { result: 'not-found' };
  const allowed = await authorizeApplication({ id: applicationId, attempted: 'cancel an interview', context });
  if (!allowed) return { result: 'not-found' };
  const { database, viewer } = allowed;
  const now = allowed.now();
  const result = await transaction(database, (tx) =>
    cancelSteps({ database, tx, interviewId, actor: { kind: 'team', email: viewer.email }, message, now }),
  );
  return { result, applicationId };
}

/** One time written as the proposal's lines write it, in `zone`: for the team's move. */
export function parseOneTime({ text, zone, minutes }: { text: string; zone: string; minutes: number }) {
  const { starts, errors } = parseOfferedTimes({ text, zone, minutes });
  if (errors.length) return { error: errors[0]! };
  if (starts.length !== 1) return { error: 'Give one time, as 2026-12-10 14:00.' };
  return { start: starts[0]! };
}
