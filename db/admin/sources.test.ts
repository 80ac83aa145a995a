import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { storeApplication, type NewApplication } from '@/db/applications';
import type { Database } from '@/db/database';
import { signedContext, signedInContext } from '@/test-support/admin-session';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { countByStatus, getApplication, listApplications } from './applications';
import { NotSignedInError } from './context';
import { openExport } from './export';
import { applicationsPerSource, listSources } from './sources';

let n = 0;
async function apply(database: Database, source: Partial<NewApplication>) {
  n += 1;
  await storeApplication(
    {
      postingSlug: 'backend',
      postingTitle: 'Backend Engineer',
      fullName: `Person ${n}`,
      email: `person${n}@example.com`,
      consentAt: new Date(),
      resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
      ...source,
    },
    database,
  );
}

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
      const ctx = await signedInContext(database);

      assert.deepEqual(await listSources(ctx), ['linkedin', 'newsletter']);
      assert.deepEqual(await applicationsPerSource(ctx), [
        { source: 'linkedin', count: 3 },
        { source: null, count: 2 },
        { source: 'newsletter', count: 1 },
      ]);

      const linkedin = await listApplications({ source: 'linkedin' }, undefined, ctx);
      assert.equal(linkedin.rows.length, 3);
      assert.equal((await listApplications({ source: 'nowhere' }, undefined, ctx)).rows.length, 0);
      // The status counts of a source come from counting its rows (lower bounds past the cap), not the totals.
      const { counts, exact } = await countByStatus({ source: 'newsletter' }, ctx);
      assert.equal(counts.new, 1);
      assert.equal(exact, true);

      const newsletter = (await listApplications({ source: 'newsletter' }, undefined, ctx)).rows[0]!;
      const detail = await getApplication(newsletter.id, ctx);
      assert.deepEqual(
        [detail?.source, detail?.sourceMedium, detail?.sourceCampaign, detail?.referrer, detail?.versionAt],
        ['newsletter', 'email', 'spring', null, null],
      );

      const next = await openExport({ source: 'linkedin' }, ctx);
      const exported = await next();
      assert.equal(exported.length, 3);
      assert.ok(exported.every((row) => row.source === 'linkedin' && row.referrer === 'https://www.linkedin.com'));
    });

    test('an empty inbox has no sources; every read refuses a missing session', async (t) => {
      const database = await freshDatabase(dialect, t);
      const ctx = await signedInContext(database);
      assert.deepEqual(await listSources(ctx), []);
      assert.deepEqual(await applicationsPerSource(ctx), []);
      await assert.rejects(listSources(signedContext(database, undefined)), NotSignedInError);
      await assert.rejects(applicationsPerSource(signedContext(database, 'x'.repeat(43))), NotSignedInError);
    });
  });
}
