import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '@/db/database';
import { getApplication } from '@/features/application/queries';
import type { NewApplication } from '@/features/apply/store';
import { openExport } from '@/features/inbox/export';
import { countByStatus, listApplications } from '@/features/inbox/queries';
import { NotSignedInError } from '@/features/staff/context';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { signedContext, teamAccount } from '@/test-support/factories';
import { applyTo } from '@/test-support/factories';
import { pipelineReport } from './pipeline';
import { listSources } from './sources';

const apply = (database: Database, source: Partial<NewApplication>) => applyTo({ database, ...source });

for (const dialect of testDialects()) {
  describe(`sources in the admin data layer on ${dialect}`, () => {
    test('lists, filters, counts and exports applications by source; unknown counted apart', async (t) => {
      const database = await freshDatabase(dialect, t);
      for (let i = 0; i < 3; i++) {
        await apply(database, { source: 'linkedin', referrer: 'https://www.linkedin.com' });
      }
      await apply(database, { source: 'newsletter', sourceMedium: 'email', sourceCampaign: 'spring' });
      await apply(database, {});
      await apply(database, {});
      const { context: ctx } = await teamAccount({ database });

      assert.deepEqual(await listSources(ctx), ['linkedin', 'newsletter']);
      assert.deepEqual((await pipelineReport({ query: { days: 30 }, context: ctx })).sources, [
        { source: 'linkedin', applications: 3, hires: 0 },
        { source: null, applications: 2, hires: 0 },
        { source: 'newsletter', applications: 1, hires: 0 },
      ]);

      const linkedin = await listApplications({ filter: { source: 'linkedin' }, context: ctx });
      assert.equal(linkedin.rows.length, 3);
      assert.equal((await listApplications({ filter: { source: 'nowhere' }, context: ctx })).rows.length, 0);
      // The status counts of a source come from counting its rows (lower bounds past the cap), not the totals.
      const { counts, exact } = await countByStatus({ filter: { source: 'newsletter' }, context: ctx });
      assert.equal(counts.new, 1);
      assert.equal(exact, true);

      const newsletter = (await listApplications({ filter: { source: 'newsletter' }, context: ctx })).rows[0]!;
      const detail = await getApplication({ id: newsletter.id, context: ctx });
      assert.deepEqual(
        [detail?.source, detail?.sourceMedium, detail?.sourceCampaign, detail?.referrer, detail?.versionAt],
        ['newsletter', 'email', 'spring', null, null],
      );

      const next = await openExport({ filter: { source: 'linkedin' }, context: ctx });
      const exported = await next();
      assert.equal(exported.length, 3);
      assert.ok(exported.every((row) => row.source === 'linkedin' && row.referrer === 'https://www.linkedin.com'));
    });

    test('an empty inbox has no sources; every read refuses a missing session', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { context: ctx } = await teamAccount({ database });
      assert.deepEqual(await listSources(ctx), []);
      assert.deepEqual((await pipelineReport({ query: { days: 30 }, context: ctx })).sources, []);
      await assert.rejects(listSources(signedContext(database, undefined)), NotSignedInError);
      await assert.rejects(
        pipelineReport({ query: { days: 30 }, context: signedContext(database, 'x'.repeat(43)) }),
        NotSignedInError,
      );
    });
  });
}
