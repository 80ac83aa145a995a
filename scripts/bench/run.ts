// npm run bench [-- --rows 1000000 --seconds 5 --database sqlite|postgres --lighthouse --lighthouse-runs 5]
//
// Every figure is a ratio measured side by side in the same run, on loopback, against a production build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/database';
import { parseDialect, scratchDatabases } from '@/scripts/lib/databases';
import { ensureBuild, killServer, startServer, type Server } from '@/scripts/lib/server';
import { seedApplications } from '@/scripts/seed-applications';
import { adminCookie } from '@/test-support/factories';
import { applying } from './applying';
import { exportCsv, inbox, INBOX } from './inbox';
import { lighthouseRows } from './lighthouse';
import { clientJs, postingPage } from './pages';
import { startUp } from './start';
import { markdownTable, meets, ms, row } from './table';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3381' },
    database: { type: 'string', default: 'sqlite' },
    lighthouse: { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '5' },
    'start-only': { type: 'boolean', default: false },
  },
});
const LARGE = Number(args.rows);
const SECONDS = Number(args.seconds);
const PORT = Number(args.port);
const dialect = parseDialect(args.database);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-bench-'));
const databases = await scratchDatabases(dialect, dir);
const serverEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  APPLY_RATE_LIMIT: '1000000/60',
  RESUME_QUOTA_MB_PER_HOUR: '1000000',
  APP_SECRET: '9d2f6b0c4e8a1f3d5b7c9e0a2c4e6f8b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c',
});

async function withServer<T>(databaseUrl: string, work: (server: Server) => Promise<T>, port = PORT): Promise<T> {
  const server = await startServer(port, serverEnv(databaseUrl));
  try {
    return await work(server);
  } finally {
    killServer(server);
    await server.exited;
  }
}

// Long: the benchmark's script, step by step.
async function main() {
  ensureBuild();
  console.log(
    `Benchmark on ${dialect} in ${dir}; ${SECONDS} s per load test, large inbox ${LARGE.toLocaleString('en')} rows`,
  );
  const applyDb = await databases.create('apply');
  await (await openDatabase(applyDb)).close();
  // First, on a quiet machine: start-up time and idle memory, three starts of each contender.
  await startUp(PORT, serverEnv(applyDb));
  if (args['start-only']) return report();
  const rawDb = await databases.create('raw');
  await withServer(applyDb, async (server) => {
    await postingPage(server, SECONDS, PORT + 1);
    await applying(server, applyDb, rawDb, SECONDS);
    await clientJs(server);
    if (args.lighthouse) await lighthouseRows(server, Number(args['lighthouse-runs']), dir);
  });

  // The inbox at 1,000 and at --rows; the export at 100,000 and at --rows, to show its memory does not grow
  // with its size.
  const EXPORT_SMALL = 100_000;
  const seeded: Record<number, { url: string; cookie: string }> = {};
  for (const count of [...new Set([1000, Math.min(EXPORT_SMALL, LARGE), LARGE])]) {
    const url = await databases.create(`inbox_${count}`);
    const database = await openDatabase(url);
    await seedApplications(database, count);
    await database.close();
    seeded[count] = { url, cookie: await adminCookie(url) };
  }
  // Both inboxes up at once, their requests alternating (scripts/bench/inbox.ts).
  const small = await startServer(PORT, serverEnv(seeded[1000]!.url));
  let latency: Record<string, number>[];
  try {
    // PORT + 1 is the posting page's static file server.
    latency = await withServer(
      seeded[LARGE]!.url,
      (large) =>
        inbox([
          { server: small, cookie: seeded[1000]!.cookie },
          { server: large, cookie: seeded[LARGE]!.cookie },
        ]),
      PORT + 2,
    );
  } finally {
    killServer(small);
    await small.exited;
  }
  // Each export on a server of its own that has first served the inbox views, as a manager's would have:
  // memory that an export leaves to the old generation shows only on a server that has warmed up.
  for (const count of [...new Set([Math.min(EXPORT_SMALL, LARGE), LARGE])]) {
    const { url, cookie } = seeded[count]!;
    await withServer(url, async (server) => {
      await inbox([{ server, cookie }]);
      await exportCsv(server, cookie, count);
    });
  }
  for (const name of Object.keys(INBOX)) {
    const small = latency[0]![name]!;
    const large = latency[1]![name]!;
    row(
      `Admin inbox: ${name}`,
      'median latency',
      `${ms(large)} at ${LARGE.toLocaleString('en')}`,
      `${ms(small)} at 1,000`,
      (large / small).toFixed(2),
      meets(large / small <= 1.5, '≤ 1.5'),
    );
  }
  report();
}

function report() {
  console.log(`\nDatabase: ${dialect}\n\n${markdownTable()}\n`);
  const cpu = os.cpus();
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.type()} ${os.release()}`,
  );
}

try {
  await main();
} finally {
  await databases.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
