import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { hitRateLimit } from './rate-limit';

for (const dialect of testDialects()) {
  describe(`the apply rate limit on ${dialect}`, () => {
    test('allows up to the limit per window, then says how long to wait', async (t) => {
      const database = await freshDatabase(dialect, t);
      const policy = { limit: 3, windowMs: 60_000 };
      const t0 = 1_000_000_000;
      const hits = [];
      for (const i of [0, 1, 2]) hits.push(await hitRateLimit({ database, key: 'a', policy, now: t0 + i }));
      assert.deepEqual(hits, [0, 0, 0]); // the window starts at the first hit, t0
      assert.equal(await hitRateLimit({ database, key: 'a', policy, now: t0 + 10_000 }), 50);
      assert.equal(
        await hitRateLimit({ database, key: 'b', policy, now: t0 + 10_000 }),
        0,
        'another key is counted apart',
      );
      assert.equal(
        await hitRateLimit({ database, key: 'a', policy, now: t0 + 60_001 }),
        0,
        'a new window starts afresh',
      );
      assert.equal(await hitRateLimit({ database, key: 'a', policy, now: t0 + 60_002 }), 0);
    });

    test('forgetting windows long over forgets only those of the same kind', async (t) => {
      const database = await freshDatabase(dialect, t);
      const minute = { limit: 600, windowMs: 60_000 };
      const hour = { limit: 3, windowMs: 3_600_000 };
      const t0 = 1_000_000_000;
      await hitRateLimit({ database, key: 'access:192.0.2.1', policy: hour, now: t0, sweep: false });
      await hitRateLimit({ database, key: 'api:2', policy: minute, now: t0, sweep: false });
      // Five minutes on, a busy token sweeps: the other token's old window goes, the hour-long one stays.
      await hitRateLimit({ database, key: 'api:1', policy: minute, now: t0 + 300_000, sweep: true });
      const { db, t: tables } = database;
      const keys = (await db.select({ key: tables.rateLimits.key }).from(tables.rateLimits)).map((r) => r.key).sort();
      assert.deepEqual(keys, ['access:192.0.2.1', 'api:1']);
      assert.equal(
        await hitRateLimit({ database, key: 'access:192.0.2.1', policy: { ...hour, limit: 1 }, now: t0 + 300_001 }),
        3300,
        'the hour-long window still counts',
      );
    });

    test('counts concurrent hits exactly: one atomic statement each', async (t) => {
      const database = await freshDatabase(dialect, t);
      const policy = { limit: 20, windowMs: 60_000 };
      const waits = await Promise.all(
        Array.from({ length: 30 }, () => hitRateLimit({ database, key: 'burst', policy })),
      );
      assert.equal(waits.filter((w) => w === 0).length, 20);
    });
  });
}
