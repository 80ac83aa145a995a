// npm run bench [-- --rows 1000000 --seconds 5]
//
// Every figure is a ratio measured side by side in the same run, on loopback, against a production build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { openDatabase } from '@/db/client';
import { ensureBuild, killServer, startServer, type Server } from '@/scripts/lib/server';
import { seedApplications } from '@/scripts/seed-applications';
import { actionFields, applicationForm, REFERENCE, SEED_SLUG } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3381' },
  },
});
const LARGE = Number(args.rows);
const SECONDS = Number(args.seconds);
const PORT = Number(args.port);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-bench-'));
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));
const ms = (n: number) => `${n.toFixed(1)} ms`;
const p99 = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!;
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const env = (file: string) => ({ DATABASE_URL: `file:${file}`, APPLY_RATE_LIMIT: '1000000/60' });

async function cannon(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Posting page from Next against the same HTML as a static file from node:http. */
async function postingPage(server: Server) {
  const html = await (await fetch(`${server.origin}/careers/${SEED_SLUG}`)).text();
  const plain = http.createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((r) => plain.listen(PORT + 1, '127.0.0.1', r));
  const next = await cannon(`${server.origin}/careers/${SEED_SLUG}`);
  const file = await cannon(`http://127.0.0.1:${PORT + 1}/`);
  plain.close();
  row('Posting page', 'req/s', next.rps.toFixed(0), file.rps.toFixed(0), (next.rps / file.rps).toFixed(2));
  row('Posting page', 'p99 latency', ms(next.p99), ms(file.p99), (next.p99 / Math.max(1, file.p99)).toFixed(2));
}

/** Applications through the real form path (multipart, 100 KB PDF) against raw better-sqlite3 inserts. */
async function applying(server: Server, dbFile: string) {
  const hidden = await actionFields(server.origin);
  const latencies: number[] = [];
  let acknowledged = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const email = `bench-${crypto.randomUUID()}@example.com`;
        const t0 = performance.now();
        const response = await fetch(`${server.origin}/careers/${SEED_SLUG}`, {
          method: 'POST',
          body: applicationForm(hidden, { email, fullName: 'Bench Applicant', resume: minimalPdf(email, 100 * 1024) }),
          headers: { Origin: server.origin },
        });
        const ok = REFERENCE.test(await response.text());
        latencies.push(performance.now() - t0);
        if (ok) acknowledged++;
      }
    }),
  );
  const formRate = acknowledged / ((Date.now() - started) / 1000);
  const stored = (
    openDatabase(dbFile).$client.prepare("select count(*) n from applications where email like 'bench-%'").get() as {
      n: number;
    }
  ).n;
  if (stored !== acknowledged) throw new Error(`${acknowledged} acknowledged but ${stored} stored`);

  // The same rows, inserted directly: resume and application in one transaction each, as storeApplication does.
  const raw = openDatabase(path.join(dir, 'raw.db')).$client;
  const insertResume = raw.prepare(
    'insert into resumes (id, file_name, media_type, size, sha256, data, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertApplication = raw.prepare(
    'insert into applications (reference, posting_slug, posting_title, full_name, email, email_key, consent_at, resume_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const store = raw.transaction((email: string, resume: Buffer) => {
    const id = crypto.randomUUID();
    const now = Date.now();
    insertResume.run(
      id,
      'resume.pdf',
      'application/pdf',
      resume.length,
      crypto.createHash('sha256').update(resume).digest('hex'),
      resume,
      now,
    );
    insertApplication.run(
      crypto.randomUUID().slice(0, 9),
      SEED_SLUG,
      'Senior Backend Engineer (Remote)',
      'Bench Applicant',
      email,
      email,
      now,
      id,
      now,
    );
  });
  const rawLatencies: number[] = [];
  const rawStart = performance.now();
  for (let i = 0; i < Math.max(acknowledged, 200); i++) {
    const email = `bench-${crypto.randomUUID()}@example.com`;
    const resume = minimalPdf(email, 100 * 1024);
    const t0 = performance.now();
    store(email, resume);
    rawLatencies.push(performance.now() - t0);
  }
  const rawRate = rawLatencies.length / ((performance.now() - rawStart) / 1000);
  raw.close();
  row('Applying (100 KB PDF)', 'stored/s', formRate.toFixed(0), rawRate.toFixed(0), (formRate / rawRate).toFixed(3));
  row(
    'Applying (100 KB PDF)',
    'p99 latency',
    ms(p99(latencies)),
    ms(p99(rawLatencies)),
    (p99(latencies) / p99(rawLatencies)).toFixed(0),
  );
  row('Applying (100 KB PDF)', 'rows = acknowledged', `${stored} = ${acknowledged}`, '', 'yes');
}

/** An admin account and a live session written straight into the database; the cookie signs the benchmark in. */
function adminCookie(dbFile: string): string {
  const db = openDatabase(dbFile).$client;
  const now = Date.now();
  const user = db
    .prepare("insert into admin_users (email, password_hash, created_at) values (?, 'scrypt$unused', ?)")
    .run(`bench-${now}@example.com`, now);
  const token = crypto.randomBytes(32).toString('base64url');
  db.prepare(
    'insert into admin_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)',
  ).run(crypto.createHash('sha256').update(token).digest('hex'), user.lastInsertRowid, now, now, now + 11 * 3600_000);
  db.close();
  return `admin_session=${token}`;
}

const INBOX = {
  'first page': '/admin',
  'filtered page': '/admin?posting=data-platform-engineer-berlin&status=interview',
  search: '/admin?q=hopper',
};

async function inbox(server: Server, cookie: string) {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(INBOX)) {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) await fetch(server.origin + url, { headers: { Cookie: cookie } }).then((r) => r.text());
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const response = await fetch(server.origin + url, { headers: { Cookie: cookie }, redirect: 'manual' });
      await response.text();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      samples.push(performance.now() - t0);
    }
    out[name] = median(samples);
  }
  return out;
}

/** Resident memory of the server's processes, sampled while the export streams. */
function rss(pid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgid !== pid) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

async function exportCsv(server: Server, cookie: string, count: number) {
  const before = rss(server.process.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rss(server.process.pid!))), 50);
  const t0 = performance.now();
  const response = await fetch(`${server.origin}/admin/export`, { headers: { Cookie: cookie } });
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    bytes += part.value.length;
    for (const b of part.value) if (b === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (lines < count) throw new Error(`export has ${lines} lines for ${count} applications`);
  row(
    `CSV export, ${count.toLocaleString('en')} rows`,
    'time',
    `${seconds.toFixed(1)} s`,
    `${(bytes / 1e6).toFixed(0)} MB`,
    `${(count / seconds).toFixed(0)} rows/s`,
  );
  row(
    `CSV export, ${count.toLocaleString('en')} rows`,
    'server RSS peak',
    `${(peak / 1e6).toFixed(0)} MB`,
    `before ${(before / 1e6).toFixed(0)} MB`,
    `+${((peak - before) / 1e6).toFixed(0)} MB`,
  );
}

/** Gzip bytes of the scripts a page loads, against a page of the same build with no client component. */
async function clientJs(server: Server) {
  const gz = async (page: string) => {
    const html = await (await fetch(server.origin + page)).text();
    const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
    let total = 0;
    for (const src of sources)
      total += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, server.origin))).arrayBuffer()), {
        level: 9,
      }).length;
    return total;
  };
  const baseline = await gz('/privacy');
  for (const [name, page] of [
    ['posting page', `/careers/${SEED_SLUG}`],
    ['listing', '/careers'],
  ] as const) {
    const bytes = await gz(page);
    row(
      'Client JavaScript (gzip)',
      name,
      `${(bytes / 1024).toFixed(1)} KB`,
      `${(baseline / 1024).toFixed(1)} KB (/privacy)`,
      (bytes / baseline).toFixed(2),
    );
  }
}

async function main() {
  ensureBuild();
  console.log(`Benchmark in ${dir}; ${SECONDS} s per load test, large inbox ${LARGE.toLocaleString('en')} rows`);
  const applyDb = path.join(dir, 'apply.db');
  let server = await startServer(PORT, env(applyDb));
  try {
    await postingPage(server);
    await applying(server, applyDb);
    await clientJs(server);
  } finally {
    killServer(server);
    await server.exited;
  }

  const latency: Record<number, Record<string, number>> = {};
  for (const count of [1000, LARGE]) {
    const file = path.join(dir, `inbox-${count}.db`);
    seedApplications(file, count);
    const cookie = adminCookie(file);
    server = await startServer(PORT, env(file));
    try {
      latency[count] = await inbox(server, cookie);
      if (count === LARGE) await exportCsv(server, cookie, count);
    } finally {
      killServer(server);
      await server.exited;
    }
  }
  for (const name of Object.keys(INBOX)) {
    const small = latency[1000]![name]!;
    const large = latency[LARGE]![name]!;
    row(
      `Admin inbox: ${name}`,
      'median latency',
      `${ms(large)} at ${LARGE.toLocaleString('en')}`,
      `${ms(small)} at 1,000`,
      (large / small).toFixed(2),
    );
  }

  const table = [
    '| measure | figure | this site | baseline | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.type()} ${os.release()}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
