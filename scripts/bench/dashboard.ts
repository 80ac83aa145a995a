// The dashboard's report at a given number of applications, against counting the applications themselves:
// `npx tsx --conditions=react-server scripts/bench/dashboard.ts 1000000` (a SQLite file under data/; a million
// rows seed in about two minutes here). Every third application still new moves on (a status change and its
// status), so the histograms of time in stage are filled too.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/database';
import { rows } from '@/db/dialect';
import { databaseUrlFrom } from '@/db/location';
import { pipelineReport } from '@/features/dashboard/pipeline';
import { seedApplications } from '@/scripts/seed-applications';
import { teamAccount } from '@/test-support/factories';
import { median } from './table';

const { positionals } = parseArgs({ allowPositionals: true });
const count = Number(positionals[0] ?? 1000);
const file = `data/bench-dashboard-${count}.db`;
fs.mkdirSync('data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
const database = await openDatabase(databaseUrlFrom(`file:${file}`));
await seedApplications(database, count, () => {});
database.sqlite!.exec(`INSERT INTO status_changes (application_id, from_status, to_status, changed_at)
  SELECT id, 'new', CASE id % 4 WHEN 0 THEN 'reviewing' WHEN 1 THEN 'interview' WHEN 2 THEN 'hired' ELSE 'rejected' END,
    created_at + (id % 5000) * 60000 FROM applications WHERE id % 3 = 0 AND status = 'new';
  UPDATE applications SET status = CASE id % 4 WHEN 0 THEN 'reviewing' WHEN 1 THEN 'interview' WHEN 2 THEN 'hired' ELSE 'rejected' END
    WHERE id % 3 = 0 AND status = 'new'`);
const [sizes] = await rows<{ days: number; durations: number }>(
  database,
  sql`SELECT (SELECT count(*) FROM pipeline_days) AS days, (SELECT count(*) FROM pipeline_durations) AS durations`,
);
console.log(
  `${count.toLocaleString('en')} applications: rollup rows ${sizes!.days} (days), ${sizes!.durations} (durations)`,
);

const { context } = await teamAccount({ database });
const time = async (runs: number, fn: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
};
for (const days of [30, 90, 365] as const) {
  const report = await time(25, () => pipelineReport({ query: { days }, context }));
  // What the funnel and sources would cost read from the applications: their statuses and sources counted.
  const since = Date.now() - days * 86_400_000;
  const counted = await time(5, () =>
    rows(
      database,
      sql`SELECT status, source, count(*) FROM applications WHERE created_at >= ${since} GROUP BY status, source`,
    ),
  );
  console.log(
    `${days} days: report ${report.toFixed(1)} ms; counting the applications instead ${counted.toFixed(1)} ms (${(counted / report).toFixed(1)}×)`,
  );
}
await database.close();
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
