import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { rows } from '@/db/dialect';
import { eraseApplication } from '@/features/application/erase';
import { changeStatus, changeStatuses } from '@/features/application/status-changes';
import { setPostingMembers } from '@/features/team/posting-teams';
import { applicationRows } from '@/test-support/application-rows';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, sessionOf, signedContext, teamOf } from '@/test-support/factories';
import { bucketBounds, bucketOf, formatMinutes, medianMinutes } from './durations';
import { pipelineReport } from './pipeline';

const HOUR = 3_600_000;

describe('durations kept as a histogram', () => {
  it('puts a duration in the bucket whose bounds hold it, and reads a median within 19 %', () => {
    for (const minutes of [0, 0.5, 1, 59, 60, 61, 24 * 60, 7 * 24 * 60, 365 * 24 * 60]) {
      const [low, high] = bucketBounds(bucketOf(minutes * 60_000));
      assert.ok(low <= minutes + 1e-9 && minutes < high, `${minutes} min in [${low}, ${high})`);
    }
    const stays = [60, 120, 120, 240, 600, 3000, 9000];
    const histogram = new Map<number, number>();
    for (const m of stays) histogram.set(bucketOf(m * 60_000), (histogram.get(bucketOf(m * 60_000)) ?? 0) + 1);
    const median = medianMinutes([...histogram].map(([bucket, count]) => ({ bucket, count })))!;
    assert.ok(Math.abs(median - 240) / 240 < 0.19, `median ${median} for an exact 240`);
    assert.equal(medianMinutes([]), null);
    assert.equal(medianMinutes([{ bucket: 3, count: 0 }]), null);
  });

  it('says a duration as a person would', () => {
    assert.equal(formatMinutes(0.2), '1 min');
    assert.equal(formatMinutes(45), '45 min');
    assert.equal(formatMinutes(90), '1.5 hours');
    assert.equal(formatMinutes(30 * 60), '30 hours');
    assert.equal(formatMinutes(3.5 * 24 * 60), '3.5 days');
    assert.equal(formatMinutes(40 * 24 * 60), '40 days');
  });
});

for (const dialect of testDialects()) {
  let database: Database;
  let base = 0;
  const ids: Record<string, number> = {};
  const { account, context } = teamOf(() => database);
  // The owner, signed in `hours` after the applications arrived (a session of that moment: days later, one made
  // now would have expired).
  const ownerAt = async (hours: number) => {
    const now = base + hours * HOUR;
    const token = await sessionOf({ database, email: 'owner@example.com', now });
    return signedContext(database, token, { now: () => now });
  };
  const move = async (name: string, hours: number, to: Parameters<typeof changeStatus>[0]['to']) =>
    assert.equal(await changeStatus({ id: ids[name]!, to, context: await ownerAt(hours) }), 'changed');
  const snapshot = async () => {
    const days = await rows<Record<string, unknown>>(
      database,
      sql`SELECT day, posting_slug, source, stage, count FROM pipeline_days WHERE count <> 0 ORDER BY day, posting_slug, source, stage`,
    );
    const durations = await rows<Record<string, unknown>>(
      database,
      sql`SELECT day, posting_slug, stage, bucket, count FROM pipeline_durations ORDER BY day, posting_slug, stage, bucket`,
    );
    const plain = (list: Record<string, unknown>[]) =>
      list.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
      );
    return { days: plain(days), durations: plain(durations) };
  };

  describe(`the dashboard's pipeline numbers on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      await account('owner@example.com', 'owner');
      const reviewer = await account('design-reviewer@example.com', 'reviewer');
      let n = 0;
      const apply = (name: string, postingSlug: string, source?: string) =>
        applyTo({
          database,
          source,
          postingSlug,
          postingTitle: postingSlug === 'backend' ? 'Backend Engineer' : 'Product Designer',
          fullName: `Person ${name}`,
          email: `p${++n}@example.com`,
        }).then((id) => (ids[name] = id));
      for (const [name, source] of [
        ['a1', 'linkedin'],
        ['a2', 'linkedin'],
        ['a3', 'linkedin'],
        ['a4', 'indeed'],
        ['a5', 'indeed'],
        ['a6', undefined],
      ] as const)
        await apply(name, 'backend', source);
      await apply('d1', 'design', 'jane-doe.example');
      base = Date.now();
      // Received ten days ago, straight into "interview" (an import, say): it starts past "new".
      ids.old = await applicationRows(database, {
        fullName: 'Person old',
        email: 'old@example.com',
        postingSlug: 'backend',
        postingTitle: 'Backend Engineer',
        source: 'linkedin',
        status: 'interview',
        createdAt: new Date(base - 240 * HOUR),
      });
      // a1 all the way, a day in each stage; a2 rejected from review; a3 skips to interview and goes back;
      // a4 hired straight from review; a6 withdrawn; a5 and d1 untouched.
      await move('a1', 2, 'reviewing');
      await move('a1', 26, 'interview');
      await move('a1', 50, 'offer');
      await move('a1', 74, 'hired');
      await move('a2', 2, 'reviewing');
      await move('a2', 3, 'rejected');
      await move('a3', 10, 'interview');
      await move('a3', 11, 'reviewing');
      await move('a4', 4, 'reviewing');
      await move('a4', 100, 'hired');
      await move('a6', 1, 'withdrawn');
      await move('old', 1, 'offer');
      await setPostingMembers({ slug: 'design', userIds: [reviewer], context: context('owner@example.com') });
    });

    it('counts each application once at the furthest stage it reached, whatever the path', async () => {
      const report = await pipelineReport({ query: { days: 30 }, context: context('owner@example.com') });
      assert.deepEqual(
        report.funnel.map((step) => [step.stage, step.reached]),
        [
          ['new', 8],
          ['reviewing', 5],
          ['interview', 4],
          ['offer', 3],
          ['hired', 2],
        ],
      );
      assert.deepEqual(report.perDay.at(-1), { date: new Date().toISOString().slice(0, 10), count: 7 });
      assert.deepEqual(report.perDay.at(-11), {
        date: new Date(base - 240 * HOUR).toISOString().slice(0, 10),
        count: 1,
      });
      assert.equal(report.perDay.length, 30);
      assert.deepEqual(report.perPosting, [
        { slug: 'backend', title: 'Backend Engineer', count: 7 },
        { slug: 'design', title: 'Product Designer', count: 1 },
      ]);
    });

    it('names which source brings hires, not only applications', async () => {
      const report = await pipelineReport({ query: { days: 30 }, context: context('owner@example.com') });
      assert.deepEqual(report.sources, [
        { source: 'linkedin', applications: 4, hires: 1 },
        { source: 'indeed', applications: 2, hires: 1 },
        { source: 'jane-doe.example', applications: 1, hires: 0 },
        { source: null, applications: 1, hires: 0 },
      ]);
      assert.equal(report.otherSources, null);
    });

    it('reads the median time in each stage and to a hire within a bucket of the exact one', async () => {
      const report = await pipelineReport({ query: { days: 30 }, context: context('owner@example.com') });
      const byStage = Object.fromEntries(report.durations.map((d) => [d.stage, d]));
      // Stays in "new": 1, 2, 2, 4 and 10 hours (a6, a1, a2, a4, a3): the median is 2 hours.
      const near = (stage: string, count: number, hours: number) => {
        assert.equal(byStage[stage]!.count, count, stage);
        const minutes = byStage[stage]!.medianMinutes!;
        assert.ok(Math.abs(minutes - hours * 60) / (hours * 60) < 0.19, `${stage}: ${minutes} min, not ${hours} h`);
      };
      near('new', 5, 2);
      // In review: a1 24 h, a2 1 h, a4 96 h (a3's stay has not ended).
      near('reviewing', 3, 24);
      // In interview: a3 1 h, a1 24 h, and "old" 241 h, from its arrival (it arrived there).
      near('interview', 3, 24);
      // In offer: a1 24 h ("old" is still there).
      near('offer', 1, 24);
      // To a hire: a1 74 h, a4 100 h.
      near('hire', 2, 87);
    });

    it('narrows to one posting, and a reviewer sees only their postings', async () => {
      const owner = context('owner@example.com');
      const design = await pipelineReport({ query: { days: 30, posting: 'design' }, context: owner });
      assert.deepEqual(
        design.funnel.map((step) => step.reached),
        [1, 0, 0, 0, 0],
      );
      assert.deepEqual(design.sources, [{ source: 'jane-doe.example', applications: 1, hires: 0 }]);
      const reviewer = context('design-reviewer@example.com');
      const mine = await pipelineReport({ query: { days: 30 }, context: reviewer });
      assert.deepEqual(
        mine.perPosting.map((p) => p.slug),
        ['design'],
      );
      assert.equal(mine.funnel[0]!.reached, 1);
      assert.ok(mine.durations.every((d) => d.count === 0));
      // Another team's posting reads as one without applications.
      const other = await pipelineReport({ query: { days: 30, posting: 'backend' }, context: reviewer });
      assert.deepEqual([other.funnel[0]!.reached, other.sources, other.perPosting], [0, [], []]);
    });

    it('leaves out applications received before the period', async () => {
      const later = await ownerAt(24 * 40);
      const report = await pipelineReport({ query: { days: 30 }, context: later });
      assert.equal(report.funnel[0]!.reached, 0);
      assert.equal((await pipelineReport({ query: { days: 90 }, context: later })).funnel[0]!.reached, 8);
    });

    it("forgets an erased application's source (a personal site's name) and keeps its counts", async () => {
      const owner = context('owner@example.com');
      assert.equal(await eraseApplication({ id: ids.d1!, context: owner }), 'erased');
      assert.equal(await eraseApplication({ id: ids.a1!, context: owner }), 'erased');
      const report = await pipelineReport({ query: { days: 30 }, context: owner });
      assert.deepEqual(report.sources, [
        { source: null, applications: 3, hires: 1 },
        { source: 'linkedin', applications: 3, hires: 0 },
        { source: 'indeed', applications: 2, hires: 1 },
      ]);
      assert.deepEqual(
        report.funnel.map((step) => step.reached),
        [8, 5, 4, 3, 2],
      );
      const named = await rows(database, sql`SELECT 1 FROM pipeline_days WHERE source = 'jane-doe.example'`);
      assert.deepEqual(named, []);
    });

    it('keeps what the migration rebuilds from the stored history, after moves made at the same time', async () => {
      // Two bulk moves of the same applications at once, in opposite directions: on PostgreSQL each takes the
      // counters' rows in the other's order, and the one ended by the deadlock runs again.
      const more: number[] = [];
      for (let i = 0; i < 6; i++) {
        more.push(
          await applyTo({
            database,
            postingSlug: 'backend',
            source: 'indeed',
            fullName: `More ${i}`,
            email: `m${i}@example.com`,
          }),
        );
      }
      const owner = await ownerAt(120);
      await Promise.all([
        changeStatuses({ ids: more, to: 'interview', context: owner }),
        changeStatuses({ ids: [...more].reverse(), to: 'reviewing', context: owner }),
        ...more.map((id) => changeStatus({ id, to: 'offer', context: owner })),
      ]);
      const kept = await snapshot();
      const file = dialect === 'sqlite' ? 'sqlite/0011_pipeline_stats.sql' : 'postgres/0006_pipeline_stats.sql';
      const migration = fs.readFileSync(`db/migrations/${file}`, 'utf8');
      const backfill = migration
        .slice(migration.indexOf('-- What the triggers would have kept'))
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter(Boolean);
      assert.equal(backfill.length, 2);
      const exec = (statement: string) =>
        database.dialect === 'sqlite'
          ? (database.db as unknown as { run: (q: unknown) => unknown }).run(sql.raw(statement))
          : database.db.execute(sql.raw(statement));
      for (const statement of ['DELETE FROM pipeline_days', 'DELETE FROM pipeline_durations', ...backfill])
        await exec(statement);
      assert.deepEqual(await snapshot(), kept);
      assert.ok(kept.durations.length > 5 && kept.days.length > 3);
    });
  });
}
