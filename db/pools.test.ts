import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from './database';
import { poolStats } from './pools';

// getDb() tries again on every request while PostgreSQL is down: each failed attempt's pool must go, not
// stay in the registry /metrics reads (it did, one more per attempt, until the review of stop 29).
test('a PostgreSQL database that cannot be opened leaves no pool behind', async () => {
  for (let attempt = 0; attempt < 3; attempt++) {
    await assert.rejects(openDatabase('postgres://careers@127.0.0.1:1/nowhere', { pool: 'unreachable' }));
  }
  assert.deepEqual(
    poolStats().filter(({ name }) => name === 'unreachable'),
    [],
  );
});
