import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deleteStaleRateLimits, hitRateLimit } from '@/db/rate-limit';
import { deleteOldAuditEntries, auditEntry } from '@/features/audit/log';
import { freshDatabase, testDialects } from '@/test-support/databases';

// What the worker tidies every hour so that nothing personal outlives what the privacy notice says.

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`hourly tidying on ${dialect}`, () => {
    test('audit entries end after the audit retention; rate-limit windows after a day', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const now = Date.now();
      await auditEntry({
        db,
        t: tables,
        entry: { actorEmail: 'a@example.com', action: 'export' },
        now: now - 731 * DAY,
      });
      await auditEntry({
        db,
        t: tables,
        entry: { actorEmail: 'a@example.com', action: 'export' },
        now: now - 729 * DAY,
      });
      await deleteOldAuditEntries({ database, now, days: 730 });
      const left = await db.select({ at: tables.auditLog.at }).from(tables.auditLog);
      assert.deepEqual(
        left.map((row) => Math.round((now - row.at.getTime()) / DAY)),
        [729],
      );
      const policy = { limit: 5, windowMs: 60_000 };
      await hitRateLimit({ database, key: 'apply:192.0.2.1', policy, now: now - 2 * DAY });
      await hitRateLimit({ database, key: 'apply:192.0.2.2', policy, now: now - 60_000 });
      await deleteStaleRateLimits({ database, now });
      const keys = await db.select({ key: tables.rateLimits.key }).from(tables.rateLimits);
      assert.deepEqual(keys, [{ key: 'apply:192.0.2.2' }]);
    });
  });
}
