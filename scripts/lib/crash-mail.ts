// The crash test's mail half (scripts/crash-test.ts): after the kills, a server that runs until the outbox is
// empty, and the check that every queued email reached the SMTP server, repeated only where a kill cut its send.
import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { startServer, killServer } from '@/scripts/lib/server';
import { actionFields, applicationForm, isAcknowledged } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import type { SmtpSink } from '@/test-support/smtp-sink';
import { pendingDeliveries } from './crash-webhooks';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/**
 * Every email queued was received, at least once; more than once only for a send a kill cut (at most one
 * per kill, since one worker sends one email at a time); and each stored application caused its two emails.
 */
export async function checkMail(database: Database, sink: SmtpSink, kills: number) {
  const { db, t } = database;
  const problems: string[] = [];
  const received = new Map<number, number[]>();
  for (const message of sink.messages()) {
    const id = Number(/<outbox-(\d+)-/.exec(message.messageId)?.[1]);
    if (!Number.isInteger(id)) problems.push(`a message that is not from the outbox: ${message.messageId}`);
    else received.set(id, [...(received.get(id) ?? []), message.receivedAt]);
  }
  const queued = await db
    .select({ id: t.outbox.id, kind: t.outbox.kind, status: t.outbox.status, applicationId: t.outbox.applicationId })
    .from(t.outbox);
  let repeats = 0;
  for (const row of queued) {
    const times = received.get(row.id) ?? [];
    if (row.status !== 'sent') problems.push(`email #${row.id} (${row.kind}) is ${row.status}`);
    if (times.length === 0) problems.push(`email #${row.id} (${row.kind}) never reached the SMTP server`);
    repeats += Math.max(0, times.length - 1);
  }
  if (repeats > kills) problems.push(`${repeats} repeated emails for ${kills} kills`);
  const [{ n: applications }] = (await db.select({ n: count() }).from(t.applications)) as [{ n: number }];
  for (const kind of ['application_received', 'new_application'] as const) {
    const n = queued.filter((row) => row.kind === kind).length;
    if (n !== applications) problems.push(`${n} ${kind} emails for ${applications} applications`);
  }
  // Stored (the application's own time) to received by the SMTP server, for the candidate's confirmation.
  const stored = new Map(
    (await db.select({ id: t.applications.id, at: t.applications.createdAt }).from(t.applications)).map((a) => [
      a.id,
      a.at.getTime(),
    ]),
  );
  const delays = queued
    .filter((row) => row.kind === 'application_received' && received.has(row.id))
    .map((row) => received.get(row.id)![0]! - stored.get(row.applicationId!)!)
    .sort((a, b) => a - b);
  const summary = `${queued.length} emails queued, all received: ${repeats} repeated (${kills} kills); delivery delay p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms`;
  return { problems, summary };
}

/**
 * A server that runs, unkilled, until the outbox holds nothing pending; then, the site calm, a few
 * applications one at a time, to measure the delay from acknowledgement to the SMTP server without a queue.
 */
export async function drainOutbox({
  port,
  env,
  databaseUrl,
  sink,
}: {
  port: number;
  env: Record<string, string>;
  databaseUrl: string;
  sink: SmtpSink;
}): Promise<string> {
  const server = await startServer(port, env);
  const database = await openDatabase(databaseUrl);
  try {
    // Emails and webhook deliveries: both are the worker's to finish.
    const pending = async () =>
      (
        (await database.db
          .select({ n: count() })
          .from(database.t.outbox)
          .where(eq(database.t.outbox.status, 'pending'))) as [{ n: number }]
      )[0].n + (await pendingDeliveries(database));
    const deadline = Date.now() + 90_000;
    while ((await pending()) > 0) {
      if (Date.now() > deadline) throw new Error('the outbox was not empty 90 s after the last kill');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const hidden = await actionFields(server.origin);
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const email = `calm-${crypto.randomUUID()}@example.com`;
      const response = await fetch(`${server.origin}/careers/senior-backend-engineer-remote`, {
        method: 'POST',
        body: applicationForm(hidden, { email, fullName: 'Calm Candidate', resume: minimalPdf(email) }),
        headers: { Origin: server.origin },
        redirect: 'manual',
      });
      await response.arrayBuffer();
      const acknowledgedAt = Date.now();
      if (!isAcknowledged(response)) throw new Error(`calm application: HTTP ${response.status}`);
      for (const until = Date.now() + 10_000; ;) {
        const mail = sink.messages().find((m) => m.to.includes(email));
        if (mail) {
          delays.push(mail.receivedAt - acknowledgedAt);
          break;
        }
        if (Date.now() > until) throw new Error(`no email for ${email} within 10 s of a calm application`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    delays.sort((a, b) => a - b);
    return `one application at a time: delivery delay p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms`;
  } finally {
    await database.close();
    killServer(server);
    await server.exited;
  }
}
