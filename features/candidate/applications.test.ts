import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { createCandidateSession } from '@/features/candidate/links';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, candidateContext } from '@/test-support/factories';
import { eraseOwnApplication, listOwnApplications, withdrawOwnApplication } from './applications';
import type { CandidateContext } from './context';
import { exportOwnData } from './export';

// A candidate's session opens the applications of one address and nothing else; every call checks it.

class Denied extends Error {}

const store = resumeStoreFromEnv({ RESUME_STORAGE: 'database' } as unknown as NodeJS.ProcessEnv);

const apply = (database: Database, email: string, postingSlug = 'backend-engineer') =>
  applyTo({
    database,
    store,
    postingSlug,
    postingTitle: `Posting ${postingSlug}`,
    fullName: 'Ada Lovelace',
    email,
    source: 'ada.example',
    sourceCampaign: 'spring',
    referrer: 'https://ada.example',
    resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from(`%PDF-1.7 ${email}`) },
  });

const deny = () => {
  throw new Denied();
};

const signedIn = (database: Database, emailKey: string) => candidateContext({ database, emailKey, deny });

/** A context holding any token, or none: what a forged or expired cookie looks like to the data layer. */
const context = (database: Database, token: string | undefined, now = Date.now): CandidateContext => ({
  database,
  token: async () => token,
  deny,
  now,
});

for (const dialect of testDialects()) {
  describe(`a candidate's own applications on ${dialect}`, () => {
    test('a session sees only its address’s applications, in the words a candidate is told', async (t) => {
      const database = await freshDatabase(dialect, t);
      await apply(database, 'Ada@Example.com', 'backend-engineer');
      await apply(database, 'ada@example.com', 'data-engineer');
      await apply(database, 'someone@example.com');
      const mine = await listOwnApplications(await signedIn(database, 'ada@example.com'));
      assert.deepEqual(
        mine.map((a) => [a.postingTitle, a.status, a.open]),
        [
          ['Posting data-engineer', 'Received', true],
          ['Posting backend-engineer', 'Received', true],
        ],
      );
    });

    test('no session, an unknown one or an expired one is refused before anything is read', async (t) => {
      const database = await freshDatabase(dialect, t);
      const id = await apply(database, 'ada@example.com');
      await assert.rejects(listOwnApplications(context(database, undefined)), Denied);
      await assert.rejects(withdrawOwnApplication({ id, context: context(database, 'A'.repeat(43)) }), Denied);
      const { token } = await createCandidateSession({ database, emailKey: 'ada@example.com' });
      const later = () => Date.now() + 3 * 60 * 60 * 1000;
      await assert.rejects(exportOwnData(context(database, token, later)), Denied, 'sessions end within hours');
    });

    test('another address cannot withdraw or erase an application, even knowing its id', async (t) => {
      const database = await freshDatabase(dialect, t);
      const id = await apply(database, 'ada@example.com');
      const stranger = await signedIn(database, 'mallory@example.com');
      assert.equal(await withdrawOwnApplication({ id, reason: 'not mine', context: stranger }), 'not-found');
      assert.equal(await eraseOwnApplication({ id, context: stranger }), 'not-found');
      const [row] = await database.db
        .select({ status: database.t.applications.status, erasedAt: database.t.applications.erasedAt })
        .from(database.t.applications)
        .where(eq(database.t.applications.id, id));
      assert.deepEqual(row, { status: 'new', erasedAt: null });
    });

    test('withdrawing records the reason, starts the retention period and is confirmed by email, once', async (t) => {
      const database = await freshDatabase(dialect, t);
      const id = await apply(database, 'ada@example.com');
      const ada = await signedIn(database, 'ada@example.com');
      assert.equal(await withdrawOwnApplication({ id, reason: 'Took another offer', context: ada }), 'done');
      assert.equal(await withdrawOwnApplication({ id, context: ada }), 'already-final');
      const { db, t: tables } = database;
      const [row] = await db
        .select({ status: tables.applications.status, decidedAt: tables.applications.decidedAt })
        .from(tables.applications)
        .where(eq(tables.applications.id, id));
      assert.equal(row!.status, 'withdrawn');
      assert.ok(row!.decidedAt);
      const [change] = await db.select().from(tables.statusChanges).where(eq(tables.statusChanges.applicationId, id));
      assert.equal(change!.changedBy, null);
      assert.equal(change!.note, 'Took another offer');
      const kinds = await db
        .select({ kind: tables.outbox.kind })
        .from(tables.outbox)
        .where(eq(tables.outbox.applicationId, id));
      assert.deepEqual(
        kinds.map((k) => k.kind),
        ['application_received', 'withdrawn'],
      );
      const [own] = await listOwnApplications(ada);
      assert.deepEqual([own!.status, own!.open], ['Withdrawn', false]);
    });

    test('the export holds every field, the history and the resume bytes, and no team notes', async (t) => {
      const database = await freshDatabase(dialect, t);
      const id = await apply(database, 'ada@example.com');
      const { applications, resumes } = await exportOwnData(await signedIn(database, 'ada@example.com'));
      assert.equal(applications.length, 1);
      // Its personal fields are those the declaration hands out (db/schema/personal-data.ts).
      const own = applications[0]! as Record<string, unknown>;
      assert.equal(own.email, 'ada@example.com');
      assert.equal(applications[0]!.status, 'Received');
      assert.deepEqual(
        [own.source, own.sourceCampaign, own.referringSite],
        ['ada.example', 'spring', 'https://ada.example'],
      );
      assert.deepEqual(Object.keys(applications[0]!).includes('notes'), false);
      assert.equal(resumes[0]!.bytes.toString(), '%PDF-1.7 ada@example.com');
      assert.ok(id);
    });
  });
}
