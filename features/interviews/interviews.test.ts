import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Database } from '@/db/database';
import { changeStatus } from '@/features/application/status-changes';
import { eraseOwnApplication } from '@/features/candidate/applications';
import type { CandidateContext } from '@/features/candidate/context';
import { exportOwnData } from '@/features/candidate/export';
import { createCandidateSession } from '@/features/candidate/links';
import { calendarFile } from '@/features/interviews/ics';
import { MAIL_DATA } from '@/features/mail/messages';
import { submitScorecard } from '@/features/scorecards/queries';
import { setPostingMembers } from '@/features/team/posting-teams';
import { webhookPayloadSchema } from '@/features/webhooks/payloads';
import type { Role } from '@/lib/roles';
import { DEFAULT_SCORECARD } from '@/lib/scorecard';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, sessionOf, signedContext, teamAccount } from '@/test-support/factories';
import { queueInterviewFollowUps } from './follow-ups';
import { listMyInterviews, makeCalendarFeed, myCalendarFeed, readCalendarFeed, revokeCalendarFeed } from './mine';
import { bookOwnInterview, cancelOwnInterview, listOwnInterviews } from './own';
import { proposalSchema, type ProposalInput } from './schemas';
import { cancelInterview, listInterviews, moveInterview, proposeInterview } from './team';

// Interviews through the data layer on both databases: what the team proposes, what the candidate books
// (first come, first served, also when two book at the same instant), and the calendar emails each change
// queues, read back as a calendar program reads them.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2027-01-04T09:00:00Z');
const clock = () => NOW;

const proposal = (overrides: Partial<ProposalInput> & { interviewerIds: number[] }) =>
  proposalSchema.parse({
    title: 'Technical interview',
    kind: 'video',
    durationMinutes: '45',
    location: 'https://meet.example/abc',
    timeZone: 'Europe/Berlin',
    times: '2027-01-11 10:00\n2027-01-11 11:00\n2027-01-12 09:00-10:30',
    cutoffHours: '24',
    ...overrides,
  });

/** The calendar file the worker will attach to a queued email, parsed by ical.js. */
function invitation(data: unknown) {
  const { change, event } = MAIL_DATA.interview_calendar.parse(data);
  const text = calendarFile({ method: change === 'cancelled' ? 'CANCEL' : 'REQUEST', event });
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.uid,
    sequence: vevent.sequence,
    start: vevent.startDate.toJSDate().toISOString(),
    attendees: vevent.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
  };
}

for (const dialect of testDialects()) {
  let database: Database;
  const ids: Record<string, number> = {};
  // Sessions opened at the test's own time, which every call's clock reads.
  const tokens = new Map<string, string>();
  const account = async (email: string, role: Role) => {
    const { id } = await teamAccount({ database, email, role });
    tokens.set(email, await sessionOf({ database, email, now: NOW }));
    return id;
  };
  /** A member signed in at `at`, as their page would see the clock then. */
  const teamAt = async (email: string, at: number) =>
    signedContext(database, await sessionOf({ database, email, now: at }), {
      postingTeams: async () => new Map(),
      postingScorecard: async () => DEFAULT_SCORECARD,
      now: () => at,
    });
  const team = (email: string) =>
    signedContext(database, tokens.get(email), { postingTeams: async () => new Map(), now: clock });
  const candidate = async (email: string, at = NOW): Promise<CandidateContext> => {
    const { token } = await createCandidateSession({ database, emailKey: email, now: at });
    return {
      database,
      token: async () => token,
      deny: () => {
        throw new Error('denied');
      },
      now: () => at,
    };
  };

  const mails = async (applicationId: number, kinds: string[]) => {
    const { db, t } = database;
    return db
      .select({ kind: t.outbox.kind, to: t.outbox.toAddress, data: t.outbox.data })
      .from(t.outbox)
      .where(and(eq(t.outbox.applicationId, applicationId), inArray(t.outbox.kind, kinds as never[])))
      .orderBy(asc(t.outbox.id));
  };

  describe(`interviews on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      ids.owner = await account('owner@example.com', 'owner');
      ids.alex = await account('alex@example.com', 'reviewer');
      ids.sam = await account('sam@example.com', 'reviewer');
      ids.outsider = await account('outsider@example.com', 'reviewer');
      for (const [key, email] of [
        ['ada', 'ada@example.org'],
        ['bob', 'bob@example.org'],
        ['cy', 'cy@example.org'],
        ['dee', 'dee@example.org'],
        ['eve', 'eve@example.org'],
      ] as const)
        ids[key] = await applyTo({
          database,
          postingSlug: 'backend',
          postingTitle: 'Backend Engineer',
          fullName: `Name ${key}`,
          email,
        });
      // An endpoint listening for interviews: its deliveries are written in the same transactions.
      await database.db.insert(database.t.webhookEndpoints).values({
        url: 'https://hooks.example/interviews',
        events: ['interview.booked', 'interview.cancelled'],
        secret: 'x'.repeat(40),
        createdAt: new Date(NOW),
      });
      await setPostingMembers({ slug: 'backend', userIds: [ids.alex!, ids.sam!], context: team('owner@example.com') });
    });

    it('the team proposes; only people who can open the application interview; the candidate is emailed', async () => {
      const refused = await proposeInterview({
        applicationId: ids.ada!,
        proposal: proposal({ interviewerIds: [ids.outsider!] }),
        context: team('alex@example.com'),
      });
      assert.deepEqual(refused, {
        status: 'invalid',
        errors: { interviewerIds: ['Choose interviewers who can open this application.'] },
      });
      // A reviewer of another posting cannot propose at all: the application does not exist for them.
      const blind = await proposeInterview({
        applicationId: ids.ada!,
        proposal: proposal({ interviewerIds: [ids.outsider!] }),
        context: team('outsider@example.com'),
      });
      assert.deepEqual(blind, { status: 'not-found' });
      const made = await proposeInterview({
        applicationId: ids.ada!,
        proposal: proposal({ interviewerIds: [ids.alex!, ids.sam!] }),
        context: team('alex@example.com'),
      });
      assert.equal(made.status, 'proposed');
      ids.adaInterview = made.status === 'proposed' ? made.interviewId : 0;
      const [listed] = (await listInterviews({ applicationId: ids.ada!, context: team('sam@example.com') }))!;
      assert.equal(listed!.status, 'proposed');
      // Two times and a window of 90 minutes cut into two 45-minute slots, 10:00 Berlin being 09:00 UTC.
      assert.deepEqual(
        listed!.slots.map((at) => at.toISOString()),
        [
          '2027-01-11T09:00:00.000Z',
          '2027-01-11T10:00:00.000Z',
          '2027-01-12T08:00:00.000Z',
          '2027-01-12T08:45:00.000Z',
        ],
      );
      assert.deepEqual(
        listed!.interviewers.map((p) => p.email),
        ['alex@example.com', 'sam@example.com'],
      );
      assert.deepEqual(
        (await mails(ids.ada!, ['interview_proposed'])).map((m) => m.to),
        ['ada@example.org'],
      );
      // A time already past is refused by name.
      const late = await proposeInterview({
        applicationId: ids.ada!,
        proposal: proposal({ interviewerIds: [ids.alex!], times: '2027-01-01 10:00' }),
        context: team('alex@example.com'),
      });
      assert.deepEqual(late, { status: 'invalid', errors: { times: ['Friday 1 January 2027, 10:00 has passed.'] } });
    });

    it('the candidate books one of the offered times; everyone gets the same event, in their own email', async () => {
      const ada = await candidate('ada@example.org');
      const [own] = await listOwnInterviews(ada);
      assert.equal(own!.free.length, 4);
      // A time that was not offered is refused, whatever the form sent.
      assert.equal(
        await bookOwnInterview({
          interviewId: ids.adaInterview!,
          start: Date.parse('2027-01-11T09:30:00Z'),
          timeZone: 'America/New_York',
          context: ada,
        }),
        'not-offered',
      );
      // Bob cannot book Ada's interview: to him it does not exist.
      assert.equal(
        await bookOwnInterview({
          interviewId: ids.adaInterview!,
          start: own!.free[0]!,
          timeZone: 'UTC',
          context: await candidate('bob@example.org'),
        }),
        'not-found',
      );
      assert.equal(
        await bookOwnInterview({
          interviewId: ids.adaInterview!,
          start: own!.free[0]!,
          timeZone: 'America/New_York',
          context: ada,
        }),
        'booked',
      );
      const sent = await mails(ids.ada!, ['interview_calendar', 'interview_calendar_team']);
      assert.deepEqual(
        sent.map((m) => `${m.kind} ${m.to}`),
        [
          'interview_calendar ada@example.org',
          'interview_calendar_team alex@example.com',
          'interview_calendar_team sam@example.com',
        ],
      );
      const files = sent.map((m) => invitation(m.data));
      assert.ok(files.every((f) => f.uid === files[0]!.uid && f.sequence === 0 && f.method === 'REQUEST'));
      assert.equal(files[0]!.start, '2027-01-11T09:00:00.000Z');
      assert.deepEqual(files[0]!.attendees, ['ada@example.org', 'alex@example.com', 'sam@example.com']);
      // The candidate's email reads in the zone they chose the time in.
      assert.equal(MAIL_DATA.interview_calendar.parse(sent[0]!.data).zone, 'America/New_York');
    });

    it('two candidates booking the same interviewer’s time at once: one wins, the other is asked to choose again', async () => {
      const propose = async (applicationId: number) => {
        const made = await proposeInterview({
          applicationId,
          proposal: proposal({ interviewerIds: [ids.sam!], times: '2027-01-13 14:00\n2027-01-13 15:00' }),
          context: team('owner@example.com'),
        });
        assert.equal(made.status, 'proposed');
        return made.status === 'proposed' ? made.interviewId : 0;
      };
      const bobInterview = await propose(ids.bob!);
      const cyInterview = await propose(ids.cy!);
      const start = Date.parse('2027-01-13T13:00:00Z');
      const results = await Promise.all([
        bookOwnInterview({
          interviewId: bobInterview,
          start,
          timeZone: 'UTC',
          context: await candidate('bob@example.org'),
        }),
        bookOwnInterview({
          interviewId: cyInterview,
          start,
          timeZone: 'UTC',
          context: await candidate('cy@example.org'),
        }),
      ]);
      assert.deepEqual([...results].sort(), ['booked', 'taken']);
      const loser = results[0] === 'taken' ? 'cy@example.org' : 'bob@example.org';
      const loserContext = await candidate(loser === 'cy@example.org' ? 'bob@example.org' : 'cy@example.org');
      // The loser's page no longer offers the taken time; the other is still free.
      const [left] = await listOwnInterviews(loserContext);
      assert.deepEqual(left!.free, [Date.parse('2027-01-13T14:00:00Z')]);
      // And the team cannot offer Sam at that time again.
      const again = await proposeInterview({
        applicationId: ids.ada!,
        proposal: proposal({ interviewerIds: [ids.sam!], times: '2027-01-13 14:30' }),
        context: team('owner@example.com'),
      });
      assert.deepEqual(again, {
        status: 'invalid',
        errors: { times: ['Wednesday 13 January 2027, 14:30: an interviewer is already booked then.'] },
      });
    });

    it('moves raise the sequence of the same event; the cut-off stops the candidate, not the team', async () => {
      const ada = await candidate('ada@example.org');
      const [own] = await listOwnInterviews(ada);
      assert.equal(
        await bookOwnInterview({
          interviewId: ids.adaInterview!,
          start: own!.free[1]!,
          timeZone: 'Europe/Berlin',
          context: ada,
        }),
        'moved',
      );
      const moved = await moveInterview({
        interviewId: ids.adaInterview!,
        start: Date.parse('2027-01-14T15:00:00Z'),
        message: 'Sam is away on the 11th.',
        context: team('sam@example.com'),
      });
      assert.equal(moved.result, 'moved');
      const candidateMails = await mails(ids.ada!, ['interview_calendar']);
      assert.deepEqual(
        candidateMails.map((m) => invitation(m.data).sequence),
        [0, 1, 2],
      );
      assert.equal(MAIL_DATA.interview_calendar.parse(candidateMails[2]!.data).message, 'Sam is away on the 11th.');
      // Within 24 hours of the interview the candidate can no longer change it; the team still can.
      const lateAda = await candidate('ada@example.org', Date.parse('2027-01-14T00:00:00Z'));
      assert.equal(await cancelOwnInterview({ interviewId: ids.adaInterview!, context: lateAda }), 'too-late');
      const [late] = await listOwnInterviews(lateAda);
      assert.equal(late!.changeable, false);
      const cancelled = await cancelInterview({
        interviewId: ids.adaInterview!,
        message: 'The role is on hold.',
        context: team('alex@example.com'),
      });
      assert.equal(cancelled.result, 'cancelled');
      const last = (await mails(ids.ada!, ['interview_calendar', 'interview_calendar_team'])).slice(-3);
      assert.deepEqual(
        last.map((m) => [m.kind, invitation(m.data).method, invitation(m.data).sequence]),
        [
          ['interview_calendar', 'CANCEL', 3],
          ['interview_calendar_team', 'CANCEL', 3],
          ['interview_calendar_team', 'CANCEL', 3],
        ],
      );
      // A webhook receiver heard each booking, move and the cancellation: when and what, nobody's name.
      const { db, t } = database;
      const hooks = await db
        .select({ event: t.webhookDeliveries.event, body: t.webhookDeliveries.body })
        .from(t.webhookDeliveries)
        .where(eq(t.webhookDeliveries.applicationId, ids.ada!))
        .orderBy(asc(t.webhookDeliveries.id));
      assert.deepEqual(
        hooks.map((hook) => {
          const { type, data } = webhookPayloadSchema.parse(JSON.parse(hook.body));
          return [type, data.interview?.id, data.interview?.status, data.interview?.startsAt];
        }),
        [
          ['interview.booked', ids.adaInterview, 'booked', '2027-01-11T09:00:00.000Z'],
          ['interview.booked', ids.adaInterview, 'booked', '2027-01-11T10:00:00.000Z'],
          ['interview.booked', ids.adaInterview, 'booked', '2027-01-14T15:00:00.000Z'],
          ['interview.cancelled', ids.adaInterview, 'cancelled', '2027-01-14T15:00:00.000Z'],
        ],
      );
      assert.ok(hooks.every((hook) => !/Name ada|ada@example\.org/.test(hook.body)));
      assert.equal(
        (await cancelInterview({ interviewId: ids.adaInterview!, message: null, context: team('alex@example.com') }))
          .result,
        'already',
      );
      // A reviewer of another posting cannot touch it.
      assert.equal(
        (
          await moveInterview({
            interviewId: ids.adaInterview!,
            start: NOW + 48 * HOUR,
            message: null,
            context: team('outsider@example.com'),
          })
        ).result,
        'not-found',
      );
    });

    it('a reminder the day before and a scorecard request after, each once across two workers; the member’s feed', async () => {
      const start = Date.parse('2027-01-13T13:00:00Z');
      const kinds = ['interview_reminder', 'interview_reminder_team', 'interview_feedback'];
      const booked = async () => {
        const { db, t } = database;
        const [row] = await db
          .select({ applicationId: t.interviews.applicationId })
          .from(t.interviews)
          .where(and(eq(t.interviews.status, 'booked'), eq(t.interviews.startsAt, new Date(start))));
        return row!.applicationId;
      };
      const applicationId = await booked();
      // Two days before: nothing yet.
      assert.deepEqual(await queueInterviewFollowUps({ database, now: start - 2 * DAY }), { reminded: 0, asked: 0 });
      // 23 hours before, two workers at once: one set of reminders.
      const twice = await Promise.all([
        queueInterviewFollowUps({ database, now: start - 23 * HOUR }),
        queueInterviewFollowUps({ database, now: start - 23 * HOUR }),
      ]);
      assert.equal(twice[0].reminded + twice[1].reminded, 1);
      assert.deepEqual(
        (await mails(applicationId, kinds)).map((m) => m.kind),
        ['interview_reminder', 'interview_reminder_team'],
      );
      // Sam's page lists it to come; after it (45 minutes), a scorecard request, once, and it is due.
      const sam = await teamAt('sam@example.com', start - HOUR);
      assert.deepEqual(
        (await listMyInterviews(sam)).upcoming.map((row) => row.startsAt!.getTime()),
        [start],
      );
      const after = start + 2 * HOUR;
      assert.deepEqual(await queueInterviewFollowUps({ database, now: after }), { reminded: 0, asked: 1 });
      assert.deepEqual(await queueInterviewFollowUps({ database, now: after }), { reminded: 0, asked: 0 });
      const requests = await mails(applicationId, ['interview_feedback']);
      assert.deepEqual(
        requests.map((m) => m.to),
        ['sam@example.com'],
      );
      const samAfter = await teamAt('sam@example.com', after);
      assert.deepEqual(
        (await listMyInterviews(samAfter)).feedbackDue.map((row) => row.applicationId),
        [applicationId],
      );
      const card = { ratings: Object.fromEntries(DEFAULT_SCORECARD.map((a) => [a.name, '3'])), overall: '3', note: '' };
      assert.equal((await submitScorecard({ id: applicationId, values: card, context: samAfter })).status, 'saved');
      assert.deepEqual((await listMyInterviews(samAfter)).feedbackDue, []);

      // The feed: Sam's interviews only (this one, and Ada's, cancelled, so calendars drop it), the candidate
      // named and no address; a new link voids the old.
      const path = await makeCalendarFeed(samAfter);
      const token = path.slice('/calendar/'.length, -'.ics'.length);
      const feed = await readCalendarFeed({ token, context: { database, now: () => after } });
      const calendar = new ICAL.Component(ICAL.parse(feed!));
      const events = calendar.getAllSubcomponents('vevent');
      assert.deepEqual(
        events.map((v) => {
          const e = new ICAL.Event(v);
          return [e.startDate.toJSDate().getTime(), v.getFirstPropertyValue('status'), e.summary];
        }),
        [
          [Date.parse('2027-01-14T15:00:00Z'), 'CANCELLED', 'Technical interview: Name ada (Backend Engineer)'],
          [
            start,
            'CONFIRMED',
            `Technical interview: Name ${applicationId === ids.bob ? 'bob' : 'cy'} (Backend Engineer)`,
          ],
        ],
      );
      assert.doesNotMatch(feed!, /@example\.org/);
      assert.equal(await readCalendarFeed({ token: 'x'.repeat(43), context: { database, now: () => after } }), null);
      await makeCalendarFeed(samAfter);
      assert.equal(await readCalendarFeed({ token, context: { database, now: () => after } }), null);
      await revokeCalendarFeed(samAfter);
      assert.equal(await myCalendarFeed(samAfter), null);
    });

    it('no time fits, the team calls it off, the application closes: each side is told, the time is free again', async () => {
      const offer = async (applicationId: number, times: string) => {
        const made = await proposeInterview({
          applicationId,
          proposal: proposal({ interviewerIds: [ids.alex!], times }),
          context: team('owner@example.com'),
        });
        assert.equal(made.status, 'proposed', JSON.stringify(made));
        return made.status === 'proposed' ? made.interviewId : 0;
      };
      // Dee can make none of the times: Alex hears of it.
      const dee = await candidate('dee@example.org');
      const declined = await offer(ids.dee!, '2027-01-20 10:00');
      assert.equal(await cancelOwnInterview({ interviewId: declined, context: dee }), 'cancelled');
      assert.deepEqual(
        (await mails(ids.dee!, ['interview_declined'])).map((m) => m.to),
        ['alex@example.com'],
      );
      // The team calls off Eve's before she chose: she is told in words (there is no calendar event to cancel).
      const calledOff = await offer(ids.eve!, '2027-01-20 11:00');
      await cancelInterview({
        interviewId: calledOff,
        message: 'We filled the role.',
        context: team('alex@example.com'),
      });
      const [words] = await mails(ids.eve!, ['interview_called_off']);
      assert.equal(MAIL_DATA.interview_called_off.parse(words!.data).message, 'We filled the role.');
      // A time inside the cut-off (24 h) is not offered to the candidate, nor bookable by her.
      const soon = await offer(ids.eve!, '2027-01-05 09:00\n2027-01-21 09:00');
      const eve = await candidate('eve@example.org');
      const mine = (await listOwnInterviews(eve)).find((row) => row.id === soon)!;
      assert.deepEqual(mine.free, [Date.parse('2027-01-21T08:00:00Z')]);
      assert.equal(
        await bookOwnInterview({
          interviewId: soon,
          start: Date.parse('2027-01-05T08:00:00Z'),
          timeZone: 'UTC',
          context: eve,
        }),
        'too-late',
      );
      assert.equal(
        await bookOwnInterview({ interviewId: soon, start: mine.free[0]!, timeZone: 'UTC', context: eve }),
        'booked',
      );
      // Rejected: the booked interview is cancelled in everyone's calendar, and Alex is free at that time again.
      assert.equal(await changeStatus({ id: ids.eve!, to: 'rejected', context: team('alex@example.com') }), 'changed');
      const cancels = (await mails(ids.eve!, ['interview_calendar', 'interview_calendar_team'])).slice(-2);
      assert.deepEqual(
        cancels.map((m) => [m.to, invitation(m.data).method, invitation(m.data).sequence]),
        [
          ['eve@example.org', 'CANCEL', 1],
          ['alex@example.com', 'CANCEL', 1],
        ],
      );
      const again = await offer(ids.dee!, '2027-01-21 09:00');
      assert.ok(again > 0);
      // More than a year ahead is a typo, named.
      const far = await proposeInterview({
        applicationId: ids.dee!,
        proposal: proposal({ interviewerIds: [ids.alex!], times: '2029-01-21 09:00' }),
        context: team('owner@example.com'),
      });
      assert.deepEqual(far, {
        status: 'invalid',
        errors: { times: ['Sunday 21 January 2029, 09:00 is more than a year ahead.'] },
      });
    });

    it('the interviews are in the candidate’s download and go with an erasure, taking them out of calendars', async () => {
      const cy = await candidate('cy@example.org');
      const bob = await candidate('bob@example.org');
      const [bobs] = await listOwnInterviews(bob);
      const [cys] = await listOwnInterviews(cy);
      const booked =
        bobs!.status === 'booked'
          ? { who: bob, email: 'bob@example.org', id: ids.bob! }
          : { who: cy, email: 'cy@example.org', id: ids.cy! };
      assert.ok([bobs!.status, cys!.status].includes('booked'));
      const data = await exportOwnData(booked.who);
      const [interview] = data.applications[0]!.interviews;
      assert.equal(interview!.title, 'Technical interview');
      assert.equal(interview!.status, 'booked');
      assert.equal((interview!.offeredTimes as Date[]).length, 2);
      assert.equal(await eraseOwnApplication({ id: booked.id, context: booked.who }), 'done');
      const { db, t } = database;
      assert.deepEqual(await db.select().from(t.interviews).where(eq(t.interviews.applicationId, booked.id)), []);
      const cancels = await mails(booked.id, ['interview_calendar_team']);
      const last = cancels.at(-1)!;
      assert.equal(last.to, 'sam@example.com');
      const parsed = MAIL_DATA.interview_calendar_team.parse(last.data);
      assert.equal(parsed.change, 'cancelled');
      assert.equal(parsed.candidateName, 'Erased applicant');
      assert.doesNotMatch(JSON.stringify(last.data), /Name (bob|cy)|@example\.org/);
    });
  });
}
