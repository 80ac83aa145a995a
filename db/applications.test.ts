import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { DuplicateApplicationError, newReference, storeApplication, type NewApplication } from './applications';
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

describe('newReference', () => {
  test('is XXXX-XXXX in Crockford base32, and differs between calls', () => {
    const references = Array.from({ length: 500 }, () => newReference());
    for (const reference of references) assert.match(reference, REFERENCE);
    assert.equal(new Set(references).size, references.length);
  });
});
