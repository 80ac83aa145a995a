import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo } from '@/test-support/factories';
import { isoTime, searchCondition, searchPlan, searchWords } from './dialect';

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
        applyTo({ database, fullName, email, coverLetter });
      await seed('Ada Lovelace', 'ada.lovelace@example.com', 'Analytical engines and typography');
      await seed('José García', 'jose+jobs@example.org');
      const { db, t: tables } = database;
      // Through the plan the inbox uses (on SQLite a join that the index drives), then as a plain condition.
      const find = async (text: string) => {
        const plan = searchPlan(database, text);
        const query = db.select({ name: tables.applications.fullName }).from(tables.applications).$dynamic();
        const planned = (
          await (plan.join ? query.innerJoin(plan.join.table, plan.join.on) : query).where(plan.condition)
        )
          .map((r) => r.name)
          .sort();
        const plain = (
          await db
            .select({ name: tables.applications.fullName })
            .from(tables.applications)
            .where(searchCondition(database, text))
        )
          .map((r) => r.name)
          .sort();
        assert.deepEqual(plain, planned, text);
        return planned;
      };
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
    const applicationId = await applyTo({ database, fullName: 'Grace Hopper', email: 'grace@example.com' });
    const instants = [
      0,
      1,
      999,
      1_700_000_000_001,
      1_764_115_199_999,
      951_782_400_123,
      Date.UTC(2038, 0, 19, 3, 14, 7, 5),
    ];
    // Spread over 1970–2100 by a fixed step, so a failure names the same instant every run.
    for (let i = 0; i < 200; i++) instants.push(Math.floor(i * 20_512_223_999.7) + (i % 1000));
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
