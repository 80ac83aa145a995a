import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { one, run, transaction } from '@/db/transaction';
import { freshDatabase, testDialects } from '@/test-support/databases';
import {
  newReference,
  StorageUnavailableError,
  storeApplication,
  type NewApplication,
  type StoreResult,
} from './store';

const RESUME = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\nbinary \x00\x01\xff bytes\n%%EOF\n', 'latin1');
const MB = 1024 * 1024;

function application(overrides: Partial<NewApplication> = {}): NewApplication {
  return {
    postingSlug: 'backend-engineer',
    postingTitle: 'Backend Engineer',
    fullName: 'Ada Lovelace',
    email: 'Ada@Example.com',
    phone: '+44 20 7946 0958',
    coverLetter: 'Dear team,\n\nHello.',
    consentAt: new Date('2026-03-10T12:00:00Z'),
    resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: RESUME },
    ...overrides,
  };
}

function stored(result: StoreResult) {
  assert.equal(result.status, 'stored');
  return result as Extract<StoreResult, { status: 'stored' }>;
}

const mailKinds = async ({ db, t }: Database) =>
  (await db.select({ kind: t.outbox.kind, to: t.outbox.toAddress }).from(t.outbox).orderBy(t.outbox.id)).map(
    ({ kind, to }) => `${kind} ${to}`,
  );

const rowsIn = async ({ db, t }: Database, table: 'applications' | 'resumes') =>
  (await db.select({ n: count() }).from(t[table]))[0]!.n;

const big = (mb: number, tag: string) => ({
  fileName: 'cv.pdf',
  mediaType: 'application/pdf',
  bytes: Buffer.concat([RESUME, Buffer.alloc(mb * MB, tag)]),
});

// Crockford's base32: digits and capitals without I, L, O and U.
const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

for (const dialect of testDialects()) {
  describe(`storeApplication on ${dialect}`, () => {
    test('stores the application and its resume, linked, with the bytes and checksum intact', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { reference } = stored(await storeApplication({ application: application(), database }));
      assert.match(reference, REFERENCE);
      const { db, t: tables } = database;
      const [row] = await db
        .select({ application: tables.applications, resume: tables.resumes })
        .from(tables.applications)
        .innerJoin(tables.resumes, eq(tables.resumes.id, tables.applications.resumeId));
      assert.ok(row);
      assert.equal(row.application.reference, reference);
      assert.equal(row.application.postingSlug, 'backend-engineer');
      assert.equal(row.application.email, 'Ada@Example.com', 'the email is kept as typed');
      assert.equal(row.application.emailKey, 'ada@example.com');
      assert.equal(row.application.location, null);
      assert.equal(row.application.coverLetter, 'Dear team,\n\nHello.');
      assert.equal(row.application.consentAt.getTime(), Date.parse('2026-03-10T12:00:00Z'));
      assert.equal(row.application.status, 'new');
      assert.equal(row.resume.fileName, 'cv.pdf');
      assert.equal(row.resume.mediaType, 'application/pdf');
      assert.equal(row.resume.size, RESUME.length);
      assert.ok(RESUME.equals(row.resume.data), 'resume bytes round-trip unchanged');
      assert.equal(row.resume.objectKey, null);
      assert.equal(row.resume.sha256, crypto.createHash('sha256').update(RESUME).digest('hex'));
      assert.equal(await rowsIn(database, 'resumes'), 1);
    });

    test('the same email in another case applying again to the same posting is a duplicate, and nothing more is stored', async (t) => {
      const database = await freshDatabase(dialect, t);
      stored(await storeApplication({ application: application({ email: 'Ada@Example.com' }), database }));
      const again = await storeApplication({
        application: application({ email: ' ada@EXAMPLE.com ', fullName: 'Ada L.' }),
        database,
      });
      assert.deepEqual(again, { status: 'duplicate' });
      assert.equal(await rowsIn(database, 'applications'), 1);
      assert.equal(await rowsIn(database, 'resumes'), 1);
      assert.deepEqual(
        await mailKinds(database),
        ['application_received Ada@Example.com', 'application_duplicate  ada@EXAMPLE.com '],
        'the second applicant hears that nothing new was stored, at the address they typed',
      );
    });

    test('two submissions racing past the check meet the unique index, and one of them is a duplicate', async (t) => {
      const database = await freshDatabase(dialect, t);
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          storeApplication({ application: application({ email: 'race@example.com' }), database }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'stored').length, 1);
      assert.equal(results.filter((r) => r.status === 'duplicate').length, 5);
      assert.equal(await rowsIn(database, 'applications'), 1);
      assert.equal(await rowsIn(database, 'resumes'), 1);
    });

    test('the same email may apply to another posting', async (t) => {
      const database = await freshDatabase(dialect, t);
      const first = stored(await storeApplication({ application: application(), database }));
      const second = stored(
        await storeApplication({
          application: application({ postingSlug: 'data-engineer', postingTitle: 'Data Engineer' }),
          database,
        }),
      );
      assert.notEqual(first.reference, second.reference);
      assert.equal(await rowsIn(database, 'applications'), 2);
      assert.equal(await rowsIn(database, 'resumes'), 2);
    });

    test('when the application row cannot be written, no orphan resume is left behind', async (t) => {
      const database = await freshDatabase(dialect, t);
      await assert.rejects(
        storeApplication({ application: application({ fullName: null as unknown as string }), database }),
        /full_name/,
      );
      assert.equal(await rowsIn(database, 'applications'), 0);
      assert.equal(await rowsIn(database, 'resumes'), 0);
    });

    test('a transaction whose step fails halfway writes nothing', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { t: tables } = database;
      const values = {
        id: 'r1',
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        size: 1,
        sha256: 'x',
        data: RESUME,
        createdAt: new Date(),
      };
      await assert.rejects(
        transaction(database, function* (tx) {
          yield* run(tx.insert(tables.resumes).values(values));
          const written = yield* one(tx.select({ n: count() }).from(tables.resumes));
          assert.equal(written?.n, 1, 'the transaction sees its own write');
          throw new Error('halfway');
        }),
        /halfway/,
      );
      assert.equal(await rowsIn(database, 'resumes'), 0);
    });

    test('the hourly quota of resume bytes refuses the next application, and stores nothing of it', async (t) => {
      const database = await freshDatabase(dialect, t);
      const quota = { quotaBytes: 5 * MB };
      await storeApplication({
        application: application({ email: 'a@example.com', resume: big(2, 'a') }),
        database,
        ...quota,
      });
      await assert.rejects(
        storeApplication({
          application: application({ email: 'b@example.com', resume: big(4, 'b') }),
          database,
          ...quota,
        }),
        (error: unknown) => error instanceof StorageUnavailableError && error.reason === 'quota',
      );
      assert.equal(await rowsIn(database, 'applications'), 1);
      assert.equal(await rowsIn(database, 'resumes'), 1);
      // A smaller one still fits in what is left of the hour.
      await storeApplication({
        application: application({ email: 'c@example.com', resume: big(2, 'c') }),
        database,
        ...quota,
      });
      assert.equal(await rowsIn(database, 'applications'), 2);
    });

    test('with the quota spent, an address that already applied gets the same refusal as a new one', async (t) => {
      const database = await freshDatabase(dialect, t);
      const quota = { quotaBytes: 3 * MB };
      await storeApplication({
        application: application({ email: 'known@example.com', resume: big(2, 'k') }),
        database,
        ...quota,
      });
      const kindsBefore = await mailKinds(database);
      for (const email of ['new@example.com', 'Known@example.com']) {
        await assert.rejects(
          storeApplication({ application: application({ email, resume: big(2, email) }), database, ...quota }),
          (error: unknown) => error instanceof StorageUnavailableError && error.reason === 'quota',
          email,
        );
      }
      assert.deepEqual(await mailKinds(database), kindsBefore, 'no "already applied" email either');
    });
  });
}

describe('storeApplication on SQLite only', () => {
  // PostgreSQL's disk cannot be filled from a test; its disk_full error maps the same way (db/dialect.ts).
  test('a database that cannot grow (disk full) refuses the application, keeps nothing of it, and stays intact', async (t) => {
    const database = await freshDatabase('sqlite', t);
    await storeApplication({ application: application({ email: 'first@example.com' }), database });
    const sqlite = database.sqlite!;
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true })) + 2}`);
    await assert.rejects(
      storeApplication({ application: application({ email: 'second@example.com', resume: big(1, 'x') }), database }),
      (error: unknown) => error instanceof StorageUnavailableError && error.reason === 'full',
    );
    assert.equal(await rowsIn(database, 'applications'), 1);
    assert.equal(await rowsIn(database, 'resumes'), 1);
    assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
  });

  test('the files are readable by this user only: the folder 0700, the database, its WAL and shared memory 0600', async (t) => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'careers-perm-')), 'data');
    t.after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const database = await openDatabase({ dialect: 'sqlite', file: path.join(dir, 'careers.db') });
    await storeApplication({ application: application(), database });
    const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
    assert.equal(mode(dir), '700');
    for (const suffix of ['', '-wal', '-shm']) assert.equal(mode(path.join(dir, `careers.db${suffix}`)), '600', suffix);
    await database.close();
  });

  test('an existing database file that others could read is narrowed to 0600 when opened', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-perm-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'careers.db');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    await (await openDatabase({ dialect: 'sqlite', file })).close();
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
  });
});

describe('newReference', () => {
  test('is XXXX-XXXX in Crockford base32, and differs between calls', () => {
    const references = Array.from({ length: 500 }, () => newReference());
    for (const reference of references) assert.match(reference, REFERENCE);
    assert.equal(new Set(references).size, references.length);
  });
});
