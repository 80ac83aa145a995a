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
