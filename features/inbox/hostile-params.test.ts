import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Database } from '@/db/database';
import { listAudit } from '@/features/audit/queries';
import type { AdminContext } from '@/features/staff/context';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, teamAccount } from '@/test-support/factories';
import { HOSTILE_VALUES } from '@/test-support/hostile-values';
import { openExport } from './export';
import { FILTER_KEYS, parseCursor, readInboxView } from './filter';
import { countByStatus, getNeighbours, listApplications } from './queries';

// Every hostile value in every parameter of the inbox's URL, alone and repeated, goes through the parsers the
// pages use and then through every query that takes a filter or a cursor, on both databases: none throws.
// (The e2e suite sends a sample of the same to the pages themselves, e2e/admin/hostile-params.spec.ts.)
const PARAMS = [...FILTER_KEYS, 'before'];

for (const dialect of testDialects()) {
  describe(`hostile inbox parameters on ${dialect}`, () => {
    let database: Database;
    let id: number;
    const viewers: AdminContext[] = [];
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      id = await applyTo({ database, fullName: 'Param Target' });
      await applyTo({ database, fullName: 'Another One', postingSlug: 'design' });
      for (const role of ['owner', 'reviewer'] as const) viewers.push((await teamAccount({ database, role })).context);
    });

    it('no value of any parameter, alone or repeated, makes a query throw', async () => {
      for (const param of PARAMS) {
        for (const value of HOSTILE_VALUES) {
          for (const params of [{ [param]: value }, { [param]: [value, value] }]) {
            const { filter } = readInboxView(params);
            const cursor = parseCursor(params);
            const label = `${param}=${JSON.stringify(value).slice(0, 40)}`;
            for (const context of viewers) {
              await assert.doesNotReject(listApplications({ filter, before: cursor, context }), label);
              await assert.doesNotReject(countByStatus({ filter, context }), label);
            }
            const [owner] = viewers;
            await assert.doesNotReject(getNeighbours({ id, filter, context: owner }), label);
            await assert.doesNotReject(listAudit({ before: cursor, context: owner }), label);
            const nextBatch = await openExport({ filter, context: owner });
            await assert.doesNotReject(nextBatch(), label);
          }
        }
      }
    });

    it('a date or status that is not one is left out and named, and the view stays whole', async () => {
      const [owner] = viewers;
      const all = (await listApplications({ filter: {}, context: owner })).rows.length;
      for (const value of HOSTILE_VALUES) {
        const label = JSON.stringify(value).slice(0, 40);
        const { filter, ignored } = readInboxView({ from: value, to: value, status: value });
        assert.deepEqual(filter, {}, label);
        // A value of nothing but control characters is no value at all: nothing to name.
        if (value.replace(/[\u0000-\u001f\u202e]/g, '').trim())
          assert.deepEqual(ignored, ['status', 'from', 'to'], label);
        assert.equal((await listApplications({ filter, context: owner })).rows.length, all);
      }
    });
  });
}
