// npm run test:crash [-- --rounds 12 --concurrency 8 --database sqlite|postgres --storage database|s3 --graceful]
//
// Submits applications concurrently through the real form submission path while killing the server with
// SIGKILL at a random moment after each round's first acknowledged application, restarting it each time. Then:
// every acknowledged application is stored with its resume (same bytes, read back from wherever resumes are
// kept), the database is consistent, and no resume row is without its application. An application in flight
// at the kill is neither acknowledged nor required. With object storage, a kill may leave an object without an
// application; the sweep removes it.
// The site sends its emails to a real SMTP server started here: after the last kill a server runs until the
// outbox is empty, and every email queued is received, repeated only when a kill cut its own send (counted
// against the kills), with the delay from storing the application to the SMTP server reported. Each application
// is also posted to a webhook receiver started here: every one arrives, signed, repeated only where a kill cut
// its post. With
// --graceful a last round ends with SIGTERM instead: every request in flight is answered and the server exits 0.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { count, eq, notExists } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { resumeStoreFromEnv, type ResumeStore } from '@/features/resumes/store';
import { sweepOrphans } from '@/features/resumes/sweep';
import { checkMail, drainOutbox } from '@/scripts/lib/crash-mail';
import { addCrashEndpoint, checkWebhooks, WEBHOOK_ENV } from '@/scripts/lib/crash-webhooks';
import { parseDialect, scratchDatabases } from '@/scripts/lib/databases';
import { ensureBuild, killServer, startServer, type Server } from '@/scripts/lib/server';
import { startS3 } from '@/scripts/test/s3';
import { actionFields, applicationForm, isAcknowledged } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { startSmtpSink } from '@/test-support/smtp-sink';
import { startWebhookReceiver } from '@/test-support/webhook-receiver';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '6' },
    port: { type: 'string', default: process.env.CRASH_PORT ?? '3371' },
    seed: { type: 'string' },
    database: { type: 'string', default: 'sqlite' },
    storage: { type: 'string', default: 'database' },
    // One more round that ends with SIGTERM: every request in flight must be answered, the server must exit 0.
    graceful: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
const concurrency = Number(args.concurrency);
const port = Number(args.port);
const dialect = parseDialect(args.database);

// A seeded generator, so a failing run can be replayed with --seed.
const seed = Number(args.seed ?? crypto.randomInt(2 ** 31));
let state = seed;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

type Acknowledged = { email: string; sha256: string; size: number };
const HIRING_TEAM = 'hiring-team@example.com';
const acknowledged: Acknowledged[] = [];
let attempts = 0;
let failures = 0;

const FIRST_ACK_MS = 60_000;

/** Resolves once an application beyond the first `count` is acknowledged; a server that never does fails the test. */
async function firstAcknowledgement(count: number, deadline: number): Promise<void> {
  while (acknowledged.length <= count) {
    if (Date.now() > deadline)
      throw new Error(`no application acknowledged within ${FIRST_ACK_MS / 1000} s of the start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

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
      await response.arrayBuffer();
      if (!isAcknowledged(response)) throw new Error(`HTTP ${response.status} is not the confirmation`);
      acknowledged.push({
        email,
        size: resume.length,
        sha256: crypto.createHash('sha256').update(resume).digest('hex'),
      });
    } catch (error) {
      // Only a killed server may fail a submission; anything else is a bug.
      if (!stop.killed) throw error;
      failures++;
    }
  }
}

/** What must hold after the kills; returns the problems found and a summary. */
async function check(database: Database, store: ResumeStore): Promise<{ problems: string[]; summary: string }> {
  const { db, t } = database;
  const problems: string[] = [];
  for (const a of acknowledged) {
    const [row] = await db
      .select({ sha256: t.resumes.sha256, size: t.resumes.size, data: t.resumes.data, objectKey: t.resumes.objectKey })
      .from(t.applications)
      .innerJoin(t.resumes, eq(t.resumes.id, t.applications.resumeId))
      .where(eq(t.applications.emailKey, a.email));
    if (!row) {
      problems.push(`acknowledged ${a.email} is missing`);
      continue;
    }
    const bytes = await store.read(row).catch(() => null);
    const sha256 = bytes && crypto.createHash('sha256').update(bytes).digest('hex');
    if (row.sha256 !== a.sha256 || row.size !== a.size || sha256 !== a.sha256)
      problems.push(`acknowledged ${a.email}: its resume differs or is gone`);
  }
  if (database.sqlite) {
    const integrity = database.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${String(integrity)}`);
    const foreignKeys = database.sqlite.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length) problems.push(`PRAGMA foreign_key_check: ${foreignKeys.length} rows`);
  }
  const [{ n: orphanRows }] = (await db
    .select({ n: count() })
    .from(t.resumes)
    .where(
      notExists(
        db.select({ id: t.applications.id }).from(t.applications).where(eq(t.applications.resumeId, t.resumes.id)),
      ),
    )) as [{ n: number }];
  if (orphanRows) problems.push(`${orphanRows} stored resumes without an application`);
  const [{ n: stored }] = (await db.select({ n: count() }).from(t.applications)) as [{ n: number }];
  let objects = '';
  if (store.kind === 's3') {
    // Objects left by a kill between the upload and the commit: the sweep (run here as if an hour had passed)
    // removes exactly those, and every acknowledged resume is still there afterwards.
    const swept = await sweepOrphans({ database, store, now: Date.now() + 2 * 3600_000 });
    objects = `; ${swept.seen} objects, ${swept.removed} orphans swept`;
    const after = await sweepOrphans({ database, store, now: Date.now() + 2 * 3600_000 });
    if (after.removed !== 0 || after.seen !== stored)
      problems.push(`after the sweep: ${after.seen} objects for ${stored} applications`);
  }
  return { problems, summary: `${stored} stored; ${orphanRows} resume rows without an application${objects}` };
}

// Long: the test's script, round by round, as its header describes it.
async function main() {
  ensureBuild();
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-crash-'));
  const databases = await scratchDatabases(dialect, dir);
  const s3 =
    args.storage === 's3'
      ? process.env.TEST_S3_ENDPOINT
        ? null
        : await startS3(Number(process.env.CRASH_S3_PORT ?? 54570))
      : undefined;
  const storage: Record<string, string> =
    args.storage === 's3'
      ? {
          RESUME_STORAGE: 's3',
          S3_BUCKET: `crash-${seed}`,
          S3_ENDPOINT: s3?.endpoint ?? process.env.TEST_S3_ENDPOINT!,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
        }
      : {};
  if (args.storage === 's3') {
    await new S3Client({
      region: 'us-east-1',
      endpoint: storage.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }).send(new CreateBucketCommand({ Bucket: storage.S3_BUCKET }));
  }
  const databaseUrl = await databases.create('crash');
  const sink = await startSmtpSink();
  const receiver = await startWebhookReceiver();
  await addCrashEndpoint(databaseUrl, receiver);
  const env = {
    DATABASE_URL: databaseUrl,
    APPLY_RATE_LIMIT: '1000000/60',
    APP_SECRET: crypto.randomBytes(32).toString('hex'),
    SMTP_URL: sink.url,
    HIRING_TEAM_EMAIL: HIRING_TEAM,
    // A killed worker's claim lapses after 3 s (not a minute), so the run need not wait for it.
    MAIL_CLAIM_SECONDS: '3',
    MAIL_RETRY_SECONDS: '1',
    ...WEBHOOK_ENV,
    ...storage,
  };
  let ok = false;
  try {
    console.log(
      `Crash test on ${dialect}, resumes in ${args.storage}: ${rounds} rounds, ${concurrency} concurrent submitters, seed ${seed}`,
    );
    const shutdown: string[] = [];
    for (let round = 1; round <= rounds + (args.graceful ? 1 : 0); round++) {
      const term = round > rounds;
      const server = await startServer(port, env);
      const hidden = await actionFields(server.origin);
      const stop = { killed: false };
      const workers = Array.from({ length: concurrency }, (_, i) => submitUntil(server, hidden, stop, i));
      const before = acknowledged.length;
      const failedBefore = failures;
      const begun = Date.now();
      let warm = '';
      try {
        // The random moment is counted from the round's first acknowledgement: a fresh process's first
        // application (its first database and bucket connections) took over 3 s while Playwright ran beside this
        // test, and a kill timed from the start then caught no acknowledged application at all.
        await Promise.race([firstAcknowledgement(before, begun + FIRST_ACK_MS), ...workers]);
        warm = `first after ${((Date.now() - begun) / 1000).toFixed(1)} s, `;
        await Promise.race([new Promise((r) => setTimeout(r, 800 + random() * 2_500)), ...workers]);
      } finally {
        // No submitter starts a request after this; the ones in flight are the server's to finish (SIGTERM).
        stop.killed = true;
        if (term) process.kill(-server.process.pid!, 'SIGTERM');
        else killServer(server);
      }
      const signalled = Date.now();
      await Promise.all([...workers, server.exited]);
      if (!term) {
        console.log(
          `  round ${String(round).padStart(2)}: ${warm}killed after ${acknowledged.length - before} acknowledged`,
        );
        continue;
      }
      const seconds = ((Date.now() - signalled) / 1000).toFixed(1);
      console.log(
        `  round ${round}: SIGTERM after ${acknowledged.length - before} acknowledged; exited in ${seconds} s`,
      );
      if (failures > failedBefore) shutdown.push(`SIGTERM cut off ${failures - failedBefore} request(s) in flight`);
      if (server.process.exitCode !== 0)
        shutdown.push(`after SIGTERM the server exited with ${server.process.exitCode ?? server.process.signalCode}`);
    }
    const calm = await drainOutbox({ port, env, databaseUrl, sink });
    const database = await openDatabase(databaseUrl);
    const { problems, summary } = await check(
      database,
      resumeStoreFromEnv({ ...process.env, ...storage, S3_REGION: 'us-east-1' }),
    );
    // Only the SIGKILLs may repeat an email (a kill can cut a send after the server accepted it); SIGTERM never.
    const mail = await checkMail(database, sink, rounds);
    const hooks = await checkWebhooks(database, receiver, rounds);
    problems.push(...shutdown, ...mail.problems, ...hooks.problems);
    await database.close();
    console.log(
      `Crash test: ${rounds} SIGKILLs, ${attempts} submissions, ${acknowledged.length} acknowledged, ${failures} cut off by a kill; ${summary}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`Mail under the crash load: ${mail.summary}`);
    console.log(`Mail, ${calm}`);
    console.log(`Webhooks under the crash load: ${hooks.summary}`);
    if (acknowledged.length === 0) problems.push('no submission was acknowledged: the test proved nothing');
    if (problems.length) {
      console.error(`FAILED (seed ${seed}, database ${databaseUrl}):\n  ${problems.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    ok = true;
    console.log(
      'OK: every acknowledged application is stored with its resume, and every email and webhook was delivered',
    );
  } finally {
    await sink.close();
    await receiver.close();
    await databases.close();
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    await s3?.stop();
  }
}

await main();
