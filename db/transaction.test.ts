import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { all, run, transaction } from './transaction';

describe(
  'transactions on PostgreSQL',
  { skip: testDialects().includes('postgres') ? false : 'needs PostgreSQL (TEST_POSTGRES_URL)' },
  () => {
    test('two that take the same rows in opposite orders both succeed: the one ended by the deadlock runs again', async (t) => {
      const database = await freshDatabase('postgres', t);
      const { db } = database;
      await db.execute(sql`CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL)`);
      await db.execute(sql`INSERT INTO counters VALUES (1, 0), (2, 0)`);
      let runs = 0;
      const bump = (first: number, second: number) =>
        transaction(database, function* (tx) {
          runs++;
          yield* run(tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${first}`));
          // Long enough for the other to take its first row: each then waits for the other's.
          yield* run(tx.execute(sql`SELECT pg_sleep(0.3)`));
          yield* run(tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${second}`));
          return first;
        });
      assert.deepEqual(await Promise.all([bump(1, 2), bump(2, 1)]), [1, 2]);
      assert.equal(runs, 3, 'one of the two ran twice');
      const counters = await transaction(database, function* (tx) {
        return yield* all(tx.execute(sql`SELECT id, n FROM counters ORDER BY id`).then((r) => r.rows));
      });
      assert.deepEqual(counters, [
        { id: 1, n: 2 },
        { id: 2, n: 2 },
      ]);
    });
  },
);
