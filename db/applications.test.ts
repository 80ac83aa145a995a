import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import {
  DuplicateApplicationError,
  newReference,
  StorageUnavailableError,
  storeApplication,
  type NewApplication,
} from './applications';
import { openDatabase, type Db } from './client';

/** A migrated database in its own temp file, removed when the test ends. */
function freshDb(t: TestContext): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-db-'));
  const db = openDatabase(path.join(dir, 'careers.db'));
  t.after(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const RESUME = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\nbinary \x00\x01\xff bytes\n%%EOF\n', 'latin1');

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

const count = (db: Db, table: 'applications' | 'resumes') =>
  (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

// Crockford's base32: digits and capitals without I, L, O and U.
const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('storeApplication', () => {
  test('stores the application and its resume, linked, with the bytes and checksum intact', (t) => {
    const db = freshDb(t);
    const { reference } = storeApplication(application(), db);
    assert.match(reference, REFERENCE);

    const rows = db.$client
      .prepare(
        `select a.reference, a.posting_slug, a.full_name, a.email, a.email_key, a.phone, a.location, a.cover_letter,
                a.consent_at, a.status, r.file_name, r.media_type, r.size, r.sha256, r.data
         from applications a join resumes r on r.id = a.resume_id`,
      )
      .all() as Record<string, unknown>[];
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.equal(row.reference, reference);
    assert.equal(row.posting_slug, 'backend-engineer');
    assert.equal(row.email, 'Ada@Example.com', 'the email is kept as typed');
    assert.equal(row.email_key, 'ada@example.com');
    assert.equal(row.location, null);
    assert.equal(row.cover_letter, 'Dear team,\n\nHello.');
    assert.equal(row.consent_at, Date.parse('2026-03-10T12:00:00Z'));
    assert.equal(row.status, 'new');
    assert.equal(row.file_name, 'cv.pdf');
    assert.equal(row.media_type, 'application/pdf');
    assert.equal(row.size, RESUME.length);
    assert.ok(RESUME.equals(row.data as Buffer), 'resume bytes round-trip unchanged');
    assert.equal(row.sha256, crypto.createHash('sha256').update(RESUME).digest('hex'));
    assert.equal(count(db, 'resumes'), 1);
  });

  test('the same email in another case applying again to the same posting is a duplicate, and nothing more is stored', (t) => {
    const db = freshDb(t);
    storeApplication(application({ email: 'Ada@Example.com' }), db);
    assert.throws(
      () => storeApplication(application({ email: ' ada@EXAMPLE.com ', fullName: 'Ada L.' }), db),
      DuplicateApplicationError,
    );
    assert.equal(count(db, 'applications'), 1);
    assert.equal(count(db, 'resumes'), 1);
  });

  test('the same email may apply to another posting', (t) => {
    const db = freshDb(t);
    const first = storeApplication(application(), db);
    const second = storeApplication(application({ postingSlug: 'data-engineer', postingTitle: 'Data Engineer' }), db);
    assert.notEqual(first.reference, second.reference);
    assert.equal(count(db, 'applications'), 2);
    assert.equal(count(db, 'resumes'), 2);
  });

  test('when the application row cannot be written, no orphan resume is left behind', (t) => {
    const db = freshDb(t);
    assert.throws(
      () => storeApplication(application({ fullName: null as unknown as string }), db),
      /NOT NULL constraint failed: applications\.full_name/,
    );
    assert.equal(count(db, 'applications'), 0);
    assert.equal(count(db, 'resumes'), 0);
  });
});

describe('when storage runs out', () => {
  const MB = 1024 * 1024;
  const big = (mb: number, tag: string) => ({
    fileName: 'cv.pdf',
    mediaType: 'application/pdf',
    bytes: Buffer.concat([RESUME, Buffer.alloc(mb * MB, tag)]),
  });

  test('the hourly quota of resume bytes refuses the next application, and stores nothing of it', (t) => {
    const db = freshDb(t);
    storeApplication(application({ email: 'a@example.com', resume: big(2, 'a') }), db, 5 * MB);
    assert.throws(
      () => storeApplication(application({ email: 'b@example.com', resume: big(4, 'b') }), db, 5 * MB),
      (error: unknown) => error instanceof StorageUnavailableError && error.reason === 'quota',
    );
    assert.equal(count(db, 'applications'), 1);
    assert.equal(count(db, 'resumes'), 1);
    // A smaller one still fits in what is left of the hour.
    storeApplication(application({ email: 'c@example.com', resume: big(2, 'c') }), db, 5 * MB);
    assert.equal(count(db, 'applications'), 2);
  });

  test('a database that cannot grow (disk full) refuses the application, keeps nothing of it, and stays intact', (t) => {
    const db = freshDb(t);
    storeApplication(application({ email: 'first@example.com' }), db);
    const pages = Number(db.$client.pragma('page_count', { simple: true }));
    db.$client.pragma(`max_page_count = ${pages + 2}`);
    assert.throws(
      () => storeApplication(application({ email: 'second@example.com', resume: big(1, 'x') }), db),
      (error: unknown) => error instanceof StorageUnavailableError && error.reason === 'full',
    );
    assert.equal(count(db, 'applications'), 1);
    assert.equal(count(db, 'resumes'), 1);
    assert.equal(db.$client.pragma('integrity_check', { simple: true }), 'ok');
  });
});

describe('the database files', () => {
  test('are readable by this user only: the folder 0700, the database, its WAL and shared memory 0600', (t) => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'careers-perm-')), 'data');
    t.after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const db = openDatabase(path.join(dir, 'careers.db'));
    storeApplication(application(), db);
    const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
    assert.equal(mode(dir), '700');
    for (const suffix of ['', '-wal', '-shm']) assert.equal(mode(path.join(dir, `careers.db${suffix}`)), '600', suffix);
    db.$client.close();
  });

  test('an existing database file that others could read is narrowed to 0600 when opened', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-perm-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'careers.db');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    openDatabase(file).$client.close();
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
