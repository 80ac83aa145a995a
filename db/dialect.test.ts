import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { storeApplication } from '@/db/applications';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { isoTime, searchCondition, searchWords } from './dialect';

test('search words are letters and digits only, so no syntax reaches the engine', () => {
  assert.deepEqual(searchWords('NEAR(a b) OR "x" * -y'), ['NEAR', 'a', 'b', 'OR', 'x', 'y']);
  assert.deepEqual(searchWords('García-Müller, 42'), ['García', 'Müller', '42']);
  assert.deepEqual(searchWords('"\'*:&|!()'), []);
});

for (const dialect of testDialects()) {
  describe(`search on ${dialect}`, () => {
    test('finds by name prefix, email part and cover letter, whatever the input holds', async (t) => {
      const database = await freshDatabase(dialect, t);
      const seed = (fullName: string, email: string, coverLetter?: string) =>
        storeApplication(
          {
            postingSlug: 'p',
            postingTitle: 'P',
            fullName,
            email,
            coverLetter,
            consentAt: new Date(),
            resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from(`%PDF-1.4 ${email}`) },
          },
          database,
        );
      await seed('Ada Lovelace', 'ada.lovelace@example.com', 'Analytical engines and typography');
      await seed('José García', 'jose+jobs@example.org');
      const { db, t: tables } = database;
      const find = async (text: string) =>
        (
          await db
            .select({ name: tables.applications.fullName })
            .from(tables.applications)
            .where(searchCondition(database, text))
        )
          .map((r) => r.name)
          .sort();
      assert.deepEqual(await find('Lovel'), ['Ada Lovelace']);
      assert.deepEqual(await find('typo'), ['Ada Lovelace']);
      assert.deepEqual(await find('ada.lovelace@example.com'), ['Ada Lovelace']);
      assert.deepEqual(await find('example'), ['Ada Lovelace', 'José García']);
      assert.deepEqual(await find('García'), ['José García']);
      assert.deepEqual(await find('jose jobs'), ['José García']);
      for (const hostile of ["'; DROP TABLE applications; --", 'a:* & !b', '"unterminated', 'NEAR(a b)', '***', '']) {
        await find(hostile); // never a syntax error
      }
      assert.deepEqual(await find('***'), []);
    });
  });

  test(`timestamps as text on ${dialect} read as Date#toISOString writes them`, async (t) => {
    const database = await freshDatabase(dialect, t);
    const { db, t: tables } = database;
    const stored = await storeApplication(
      {
        postingSlug: 'p',
        postingTitle: 'P',
        fullName: 'Grace Hopper',
        email: 'grace@example.com',
        consentAt: new Date(),
        resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 grace') },
      },
      database,
    );
    assert.equal(stored.status, 'stored');
    const applicationId = (stored as { id: number }).id;
    const instants = [
      0,
      1,
      999,
      1_700_000_000_001,
      1_764_115_199_999,
      951_782_400_123,
      Date.UTC(2038, 0, 19, 3, 14, 7, 5),
    ];
    for (let i = 0; i < 200; i++) instants.push(Math.floor(Math.random() * 4_102_444_800_000));
    for (const ms of instants) {
      const at = new Date(ms);
      await db.update(tables.applications).set({ createdAt: at }).where(eq(tables.applications.id, applicationId));
      const [row] = await db
        .select({ text: isoTime(database, tables.applications.createdAt) })
        .from(tables.applications)
        .where(eq(tables.applications.id, applicationId));
      assert.equal(row!.text, at.toISOString());
    }
  });
}
