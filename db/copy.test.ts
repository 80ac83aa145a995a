import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { databaseStore } from '@/features/resumes/store';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { seedApplications } from '@/scripts/seed-applications';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo } from '@/test-support/factories';
import { assertEmpty, copyDatabase, CopyError, ORDER, verifyCopy } from './copy';
import { searchCondition } from './dialect';
import * as sqliteTables from './schema/sqlite';

const quiet = () => {};

describe(
  'db:copy',
  { skip: testDialects().includes('postgres') ? false : 'needs PostgreSQL (TEST_POSTGRES_URL)' },
  () => {
    for (const [from, to] of [
      ['sqlite', 'postgres'],
      ['postgres', 'sqlite'],
    ] as const) {
      test(`moves every table and resume from ${from} to ${to}, checked, and the site goes on from there`, async (t) => {
        const source = await freshDatabase(from, t);
        const target = await freshDatabase(to, t);
        await seedApplications(source, 1_200, quiet);
        // The dashboard's rollup of a long-lived site: more rows than one INSERT can bind parameters for.
        const old = Array.from({ length: 14_000 }, (_, i) => ({
          day: -1 - i,
          postingSlug: 'archived-posting',
          source: `board-${i % 7}`,
          stage: 'new' as const,
          count: 1 + (i % 3),
        }));
        for (let i = 0; i < old.length; i += 1000) {
          await source.db.insert(source.t.pipelineDays).values(old.slice(i, i + 1000));
        }
        await createAdminUser({ database: source, email: 'owner@example.com', password: 'a password long enough' });
        // A webhook endpoint: the application below queues its delivery.
        const endpoint = { url: 'https://hooks.example.com/', events: ['application.created'], secret: 's' };
        await source.db.insert(source.t.webhookEndpoints).values({ ...endpoint, createdAt: new Date() });
        await applyTo({ database: source, fullName: 'Zoë Müller', email: 'zoe@example.com' });
        const copied = await copyDatabase({ source, target, log: quiet });
        assert.deepEqual(
          Object.fromEntries(
            copied
              .filter((c) =>
                ['applications', 'resumes', 'adminUsers', 'webhookEndpoints', 'webhookDeliveries'].includes(c.table),
              )
              .map((c) => [c.table, c.rows]),
          ),
          { adminUsers: 1, resumes: 21, applications: 1_201, webhookEndpoints: 1, webhookDeliveries: 1 },
        );
        assert.deepEqual(await verifyCopy({ source, target, targetStore: databaseStore }), []);
        const [rollup] = await target.db
          .select({ n: count() })
          .from(target.t.pipelineDays)
          .where(eq(target.t.pipelineDays.postingSlug, 'archived-posting'));
        assert.equal(rollup!.n, 14_000);
        // The target's own search and counts work on what arrived, and its next id follows the copied ones.
        const found = await target.db
          .select({ name: target.t.applications.fullName })
          .from(target.t.applications)
          .where(searchCondition(target, 'Müller'));
        assert.ok(found.some((r) => r.name === 'Zoë Müller'));
        const [kept] = await target.db.select({ n: count() }).from(target.t.applicationCounts);
        assert.ok(kept!.n > 0);
        const next = await applyTo({ database: target, fullName: 'After The Move', email: 'after@example.com' });
        assert.equal(next, 1_202, 'ids continue after the copied ones');
        const [row] = await target.db
          .select({ email: target.t.applications.email })
          .from(target.t.applications)
          .where(eq(target.t.applications.id, 1_202));
        assert.equal(row?.email, 'after@example.com');
        const deliveries = await target.db
          .select({ id: target.t.webhookDeliveries.id, applicationId: target.t.webhookDeliveries.applicationId })
          .from(target.t.webhookDeliveries)
          .orderBy(target.t.webhookDeliveries.id);
        assert.deepEqual(
          deliveries.map((d) => d.applicationId),
          [1_201, 1_202],
          'the endpoint goes on after the move',
        );
      });
    }

    test('refuses a target that is not empty, and finds a difference when there is one', async (t) => {
      const source = await freshDatabase('sqlite', t);
      const target = await freshDatabase('postgres', t);
      await seedApplications(source, 10, quiet);
      await seedApplications(target, 1, quiet);
      await assert.rejects(assertEmpty(target), CopyError);
      await assert.rejects(copyDatabase({ source, target, log: quiet }), /not empty/);
      const problems = await verifyCopy({ source, target, targetStore: databaseStore });
      assert.ok(
        problems.some((p) => p.startsWith('applications: 10 rows in the source, 1 in the target')),
        problems.join('\n'),
      );
    });
  },
);

test('every table is copied except the counts, which the target’s triggers rebuild', () => {
  const copied = ORDER.map(([name]) => name).sort();
  const all = Object.keys(sqliteTables)
    .filter((name) => name !== 'applicationCounts')
    .sort();
  assert.deepEqual(copied, all);
});
