import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { rows, searchCondition } from '@/db/dialect';
import { transaction } from '@/db/transaction';
import { createCandidateSession, createLink, readCandidateSession } from '@/features/candidate/links';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { eraseSteps } from '@/features/privacy/erasure';
import { retentionDays } from '@/features/privacy/retention-days';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { compactSearchIndex } from '@/jobs/maintenance';
import type { ApplicationStatus } from '@/lib/status';
import { applicationRows } from '@/test-support/application-rows';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyRetention, eraseIfStillDue } from './retention';

// Retention and erasure on both databases, with the clock moved forward instead of waiting a year.

const DAY = 24 * 60 * 60 * 1000;
const store = resumeStoreFromEnv({ RESUME_STORAGE: 'database' } as unknown as NodeJS.ProcessEnv);

/** An application as the site stores it, with every field that can name the candidate filled in. */
const seed = (
  database: Database,
  email: string,
  fullName: string,
  status: ApplicationStatus,
  decidedAt: number | null,
) =>
  applicationRows(database, {
    email,
    fullName,
    teamNote: false,
    phone: '+44 20 7946 0958',
    coverLetter: `A letter from ${fullName}`,
    // A personal site as the referrer names the candidate as surely as their email.
    source: 'personal.example',
    sourceMedium: 'email',
    sourceCampaign: `for ${fullName}`,
    referrer: 'https://personal.example',
    status,
    decidedAt: decidedAt === null ? null : new Date(decidedAt),
  });

async function application_(database: Database, id: number) {
  const { db, t } = database;
  const [row] = await db
    .select({
      fullName: t.applications.fullName,
      email: t.applications.email,
      phone: t.applications.phone,
      coverLetter: t.applications.coverLetter,
      source: t.applications.source,
      sourceMedium: t.applications.sourceMedium,
      sourceCampaign: t.applications.sourceCampaign,
      referrer: t.applications.referrer,
      status: t.applications.status,
      erasedAt: t.applications.erasedAt,
      postingSlug: t.applications.postingSlug,
      createdAt: t.applications.createdAt,
      resumeSize: t.resumes.size,
      resumeBytes: t.resumes.data,
    })
    .from(t.applications)
    .innerJoin(t.resumes, eq(t.resumes.id, t.applications.resumeId))
    .where(eq(t.applications.id, id));
  return row!;
}

test('RETENTION_DAYS: 365 by default; anything but a whole number of days, 1 or more, is refused by name', () => {
  assert.equal(retentionDays(undefined), 365);
  assert.equal(retentionDays('30'), 30);
  for (const bad of ['0', '-5', '1.5', 'a year', '365d']) assert.throws(() => retentionDays(bad), /RETENTION_DAYS/);
});

for (const dialect of testDialects()) {
  describe(`retention and erasure on ${dialect}`, () => {
    test('an application moved back out of its final status after the batch found it due is kept', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const now = Date.now();
      const cutoff = new Date(now - 365 * DAY);
      const reopened = await seed(database, 'reopened@example.com', 'Reopened', 'rejected', now - 400 * DAY);
      const due = await seed(database, 'due@example.com', 'Still Due', 'rejected', now - 400 * DAY);
      // The batch has read both ids; then a manager moves one back into the pipeline, which stops its clock.
      await db
        .update(tables.applications)
        .set({ status: 'interview', decidedAt: null })
        .where(eq(tables.applications.id, reopened));
      assert.equal(await eraseIfStillDue({ database, id: reopened, cutoff, now, days: 365 }), null);
      assert.equal((await application_(database, reopened)).erasedAt, null);
      assert.equal((await application_(database, reopened)).fullName, 'Reopened');
      assert.equal((await eraseIfStillDue({ database, id: due, cutoff, now, days: 365 }))?.id, due);
      assert.equal((await application_(database, due)).fullName, 'Erased applicant');
    });

    test('the worker anonymises exactly the applications whose final status is older than the period', async (t) => {
      const database = await freshDatabase(dialect, t);
      const now = Date.now();
      const ids = {
        rejectedLongAgo: await seed(database, 'old-reject@example.com', 'Old Reject', 'rejected', now - 400 * DAY),
        withdrawnLongAgo: await seed(
          database,
          'old-withdraw@example.com',
          'Old Withdraw',
          'withdrawn',
          now - 366 * DAY,
        ),
        hiredJustInside: await seed(database, 'recent-hire@example.com', 'Recent Hire', 'hired', now - 364 * DAY),
        openForever: await seed(database, 'still-open@example.com', 'Still Open', 'interview', null),
      };
      assert.equal(await applyRetention({ database, store, now, days: 365 }), 2);
      for (const id of [ids.rejectedLongAgo, ids.withdrawnLongAgo]) {
        const row = await application_(database, id);
        assert.equal(row.fullName, 'Erased applicant');
        assert.equal(row.email, `erased-${id}@erased.invalid`);
        assert.equal(row.phone, null);
        assert.equal(row.coverLetter, null);
        assert.deepEqual([row.source, row.sourceMedium, row.sourceCampaign, row.referrer], [null, null, null, null]);
        assert.equal(row.resumeSize, 0);
        assert.equal(row.resumeBytes?.length ?? 0, 0);
        assert.ok(row.erasedAt);
        // The stub keeps what the statistics need.
        assert.equal(row.postingSlug, 'backend-engineer');
        assert.ok(['rejected', 'withdrawn'].includes(row.status));
      }
      for (const id of [ids.hiredJustInside, ids.openForever]) {
        assert.equal((await application_(database, id)).erasedAt, null);
        assert.equal((await application_(database, id)).referrer, 'https://personal.example', 'kept until erased');
      }
      // Two days later the hire is past its time too; the open application never is.
      assert.equal(await applyRetention({ database, store, now: now + 2 * DAY, days: 365 }), 1);
      assert.ok((await application_(database, ids.hiredJustInside)).erasedAt);
      assert.equal((await application_(database, ids.openForever)).erasedAt, null);
      // Each erasure is in the audit log, without the data.
      const audit = await rows<{ actor_email: string; detail: string }>(
        database,
        sql`SELECT actor_email, detail FROM audit_log WHERE action = 'erased' ORDER BY id`,
      );
      assert.deepEqual(
        audit.map((a) => `${a.actor_email}: ${a.detail}`),
        ['retention: after 365 days', 'retention: after 365 days', 'retention: after 365 days'],
      );
      assert.equal(
        await applyRetention({ database, store, now: now + 2 * DAY, days: 365 }),
        0,
        'nothing is erased twice',
      );
    });

    test('erasing forgets the address everywhere: notes, scorecards, status notes, emails, links and sessions, the search', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const now = Date.now();
      const id = await seed(database, 'Grace@Example.com', 'Grace Hopper', 'reviewing', null);
      const other = await seed(database, 'other@example.com', 'Other Person', 'new', null);
      await queueMail({ db, t: tables, mail: mail('access_link', 'Grace@Example.com', {}), now });
      await createLink({ database, emailKey: 'grace@example.com', now });
      const session = await createCandidateSession({ database, emailKey: 'grace@example.com', now });
      const [admin] = await db
        .insert(tables.adminUsers)
        .values({ email: 'lead@example.com', passwordHash: 'x', createdAt: new Date(now) })
        .returning({ id: tables.adminUsers.id });
      await db
        .insert(tables.applicationNotes)
        .values({ applicationId: id, authorId: admin!.id, body: 'Strong on compilers', createdAt: new Date(now) });
      for (const applicationId of [id, other]) {
        await db.insert(tables.scorecards).values({
          applicationId,
          authorId: admin!.id,
          ratings: [{ attribute: 'Communication', rating: 4 }],
          overall: 4,
          note: 'Clear and specific',
          submittedAt: new Date(now),
        });
      }
      await db.insert(tables.statusChanges).values({
        applicationId: id,
        fromStatus: 'new',
        toStatus: 'reviewing',
        changedBy: null,
        note: 'Grace’s own reason',
        changedAt: new Date(now),
      });
      assert.equal((await db.select().from(tables.applications).where(searchCondition(database, 'Hopper'))).length, 1);

      const erased = await transaction(database, (tx) => eraseSteps({ tx, t: tables, id, now, notify: true }));
      assert.equal(erased?.email, 'Grace@Example.com');
      assert.equal(
        await transaction(database, (tx) => eraseSteps({ tx, t: tables, id, now, notify: true })),
        null,
        'once only',
      );

      const row = await application_(database, id);
      assert.equal(row.fullName, 'Erased applicant');
      assert.equal(row.status, 'withdrawn', 'an open application ends as withdrawn');
      assert.deepEqual([row.source, row.sourceMedium, row.sourceCampaign, row.referrer], [null, null, null, null]);
      assert.equal((await application_(database, other)).source, 'personal.example', 'only the erased one is cleared');
      assert.deepEqual(await db.select().from(tables.applicationNotes), []);
      const cards = await db.select({ applicationId: tables.scorecards.applicationId }).from(tables.scorecards);
      assert.deepEqual(cards, [{ applicationId: other }], 'the erased application’s scorecards go; others stay');
      const [change] = await db.select({ note: tables.statusChanges.note }).from(tables.statusChanges);
      assert.equal(change!.note, null);
      assert.equal((await db.select().from(tables.applications).where(searchCondition(database, 'Hopper'))).length, 0);
      assert.equal(await readCandidateSession({ database, token: session.token, now }), null);
      assert.deepEqual(
        await db.select().from(tables.candidateLinks).where(eq(tables.candidateLinks.emailKey, 'grace@example.com')),
        [],
      );
      const emails = await db
        .select({
          kind: tables.outbox.kind,
          to: tables.outbox.toAddress,
          status: tables.outbox.status,
          data: tables.outbox.data,
          applicationId: tables.outbox.applicationId,
        })
        .from(tables.outbox)
        .orderBy(tables.outbox.id);
      const graces = emails.filter((e) => e.applicationId === id || e.applicationId === null);
      // Everything queued before is scrubbed and cancelled; the confirmation of the erasure is the one left to send.
      assert.deepEqual(
        graces.map((e) => `${e.kind} ${e.to} ${e.status} ${e.data === null ? 'no data' : 'data'}`),
        [
          'application_received erased failed no data',
          'access_link erased failed no data',
          'erased Grace@Example.com pending data',
        ],
      );
      // The other candidate is untouched.
      assert.equal((await application_(database, other)).fullName, 'Other Person');
      // The search index is compacted on the next worker cycle.
      assert.equal(await compactSearchIndex(database), true);
      assert.equal(await compactSearchIndex(database), false, 'and only when asked');
    });
  });
}
