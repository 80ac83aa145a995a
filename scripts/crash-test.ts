// npm run test:crash [-- --rounds 12 --concurrency 8]
//
// Submits applications concurrently through the real form submission path while killing the server with
// SIGKILL at random moments, restarting it each time. Then: every acknowledged application is stored with
// its resume (same bytes), PRAGMA integrity_check is ok, and no resume is stored without its application.
// An application in flight at the kill is neither acknowledged nor required.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureBuild, killServer, startServer, type Server } from '@/scripts/lib/server';
import { actionFields, applicationForm, REFERENCE } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '6' },
    port: { type: 'string', default: process.env.CRASH_PORT ?? '3371' },
    seed: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const concurrency = Number(args.concurrency);
const port = Number(args.port);

// A seeded generator, so a failing run can be replayed with --seed.
const seed = Number(args.seed ?? crypto.randomInt(2 ** 31));
let state = seed;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-crash-'));
const file = path.join(dir, 'crash.db');
const env = { DATABASE_URL: `file:${file}`, APPLY_RATE_LIMIT: '1000000/60' };

type Acknowledged = { reference: string; email: string; sha256: string; size: number };
const acknowledged: Acknowledged[] = [];
let attempts = 0;
let failures = 0;

async function submitUntil(server: Server, hidden: [string, string][], stop: { killed: boolean }, worker: number) {
  while (!stop.killed) {
    const email = `crash-${crypto.randomUUID()}@example.com`;
    const resume = minimalPdf(email, 20_000 + Math.floor(random() * 80_000));
    attempts++;
    try {
      const response = await fetch(`${server.origin}/careers/senior-backend-engineer-remote`, {
        method: 'POST',
        body: applicationForm(hidden, { email, fullName: `Crash Tester ${worker}`, resume }),
        headers: { Origin: server.origin },
        redirect: 'manual',
      });
      const html = await response.text();
      const reference = REFERENCE.exec(html)?.[1];
      if (response.status === 200 && reference) {
        acknowledged.push({
          reference,
          email,
          size: resume.length,
          sha256: crypto.createHash('sha256').update(resume).digest('hex'),
        });
      } else {
        throw new Error(`HTTP ${response.status} without a reference`);
      }
    } catch (error) {
      // Only a killed server may fail a submission; anything else is a bug.
      if (!stop.killed) throw error;
      failures++;
    }
  }
}

async function main() {
  ensureBuild();
  const started = Date.now();
  console.log(`Crash test: ${rounds} rounds, ${concurrency} concurrent submitters, seed ${seed}, database ${file}`);
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer(port, env);
    const hidden = await actionFields(server.origin);
    const stop = { killed: false };
    const workers = Array.from({ length: concurrency }, (_, i) => submitUntil(server, hidden, stop, i));
    const before = acknowledged.length;
    try {
      await Promise.race([new Promise((r) => setTimeout(r, 800 + random() * 2_500)), ...workers]);
    } finally {
      stop.killed = true;
      killServer(server);
    }
    await Promise.all([...workers, server.exited]);
    console.log(`  round ${String(round).padStart(2)}: killed after ${acknowledged.length - before} acknowledged`);
  }

  const db = new Database(file);
  const problems: string[] = [];
  const find = db.prepare(
    'select r.sha256, r.size from applications a join resumes r on r.id = a.resume_id where a.reference = ? and a.email_key = ?',
  );
  for (const a of acknowledged) {
    const row = find.get(a.reference, a.email) as { sha256: string; size: number } | undefined;
    if (!row) problems.push(`acknowledged ${a.reference} (${a.email}) is missing`);
    else if (row.sha256 !== a.sha256 || row.size !== a.size)
      problems.push(`acknowledged ${a.reference}: its resume differs`);
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${integrity}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length) problems.push(`PRAGMA foreign_key_check: ${foreignKeys.length} rows`);
  const orphans = (
    db
      .prepare(
        'select count(*) n from resumes r where not exists (select 1 from applications a where a.resume_id = r.id)',
      )
      .get() as { n: number }
  ).n;
  if (orphans) problems.push(`${orphans} stored resumes without an application`);
  const stored = (db.prepare('select count(*) n from applications').get() as { n: number }).n;
  db.close();

  console.log(
    `Crash test: ${rounds} SIGKILLs, ${attempts} submissions, ${acknowledged.length} acknowledged, ${failures} cut off by a kill, ` +
      `${stored} stored; integrity_check ${integrity}; ${orphans} orphan resumes; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (acknowledged.length === 0) problems.push('no submission was acknowledged: the test proved nothing');
  if (problems.length) {
    console.error(`FAILED (seed ${seed}, database kept at ${file}):\n  ${problems.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('OK: every acknowledged application is stored with its resume');
}

await main();
