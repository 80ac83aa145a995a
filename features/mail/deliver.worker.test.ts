import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { readLink } from '@/features/candidate/links';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { smtpTransport, type Transport } from '@/features/mail/transport';
import { retryDelayMs } from '@/lib/backoff';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { startSmtpSink } from '@/test-support/smtp-sink';
import { deliverDue, GIVE_UP_AFTER_MS, messageIdOf } from './deliver';

// The worker's delivery against a real SMTP server on loopback, through nodemailer, on both databases; the
// clock is passed in, so retries a day apart are tested in a moment.

const MINUTE = 60_000;

const received = (to = 'ada@example.com') =>
  mail('application_received', to, { postingTitle: 'Backend Engineer', reference: 'ABCD-EFGH', candidateName: 'Ada' });

async function queue(database: Database, now: number, to?: string) {
  await queueMail({ db: database.db, t: database.t, mail: received(to), now });
}

async function outbox({ db, t }: Database) {
  return db
    .select({
      id: t.outbox.id,
      status: t.outbox.status,
      attempts: t.outbox.attempts,
      lastError: t.outbox.lastError,
      data: t.outbox.data,
      next: t.outbox.nextAttemptAt,
    })
    .from(t.outbox)
    .orderBy(t.outbox.id);
}

/** A real SMTP server on loopback and a transport to it, both closed when the test ends. */
async function smtpServer(t: { after: (fn: () => unknown) => unknown }) {
  const sink = await startSmtpSink();
  t.after(() => sink.close());
  const transport = smtpTransport(sink.url, '"Careers" <careers@example.com>');
  t.after(() => transport.close?.());
  return { sink, transport };
}

/** A loopback port nobody listens on: SMTP "down". */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('retries wait 1, 2, 4… minutes, never more than two hours', () => {
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => retryDelayMs(n) / MINUTE),
    [1, 2, 4, 8],
  );
  assert.equal(retryDelayMs(30), 2 * 60 * MINUTE);
  assert.equal(retryDelayMs(2, 1_000), 2_000);
});

for (const dialect of testDialects()) {
  describe(`mail delivery on ${dialect}`, () => {
    test('an email is sent over SMTP with its text and HTML parts, its Message-ID and a private link that works', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtpServer(t);
      const now = Date.now();
      await queue(database, now);
      const done = await deliverDue({ database, transport, now: () => now });
      assert.deepEqual(
        done.map((d) => d.outcome),
        ['sent'],
      );
      const [message] = sink.messages();
      assert.ok(message);
      assert.deepEqual(message.to, ['ada@example.com']);
      assert.equal(message.from, '"Careers" <careers@example.com>');
      assert.equal(message.subject, 'Your application for Backend Engineer');
      assert.match(message.text, /Your reference is ABCD-EFGH/);
      assert.match(message.html, /<strong>ABCD-EFGH<\/strong>/);
      const [row] = await outbox(database);
      assert.equal(message.messageId, messageIdOf({ id: row!.id, createdAt: new Date(now) }));
      // Sent: what the template needed is gone from the row.
      assert.equal(row!.status, 'sent');
      assert.equal(row!.data, null);
      const token = /\/applications\/open\?token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
      assert.equal(await readLink({ database, token, now }), 'ada@example.com');
      assert.equal(
        await readLink({ database, token, now: now + 31 * 24 * 60 * MINUTE }),
        null,
        'the link expires after 30 days',
      );
    });

    test('stopping: the email being sent is finished, no other is claimed, and the rest wait for the next start', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtpServer(t);
      const now = Date.now();
      for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) await queue(database, now, to);
      let sent = 0;
      const counting: Transport = { ...transport, send: async (message) => (sent++, transport.send(message)) };
      // SIGTERM arrives while the first email is on its way.
      const done = await deliverDue({ database, transport: counting, now: () => now, stopping: () => sent > 0 });
      assert.deepEqual(
        done.map((d) => d.outcome),
        ['sent'],
      );
      assert.equal(sink.messages().length, 1);
      assert.deepEqual(
        (await outbox(database)).map((row) => row.status),
        ['sent', 'pending', 'pending'],
      );
      // The next start sends the rest, once each.
      await deliverDue({ database, transport, now: () => now });
      assert.deepEqual(
        sink
          .messages()
          .map((m) => m.to[0])
          .sort(),
        ['a@example.com', 'b@example.com', 'c@example.com'],
      );
    });

    test('SMTP down: the email waits with the reason, and goes when SMTP is back and its time has come', async (t) => {
      const database = await freshDatabase(dialect, t);
      const port = await closedPort();
      const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
      t.after(() => transport.close?.());
      const start = Date.now();
      await queue(database, start);
      assert.deepEqual(
        (await deliverDue({ database, transport, now: () => start })).map((d) => d.outcome),
        ['retry'],
      );
      let [row] = await outbox(database);
      assert.equal(row!.status, 'pending');
      assert.equal(row!.attempts, 1);
      assert.match(row!.lastError ?? '', /ECONNREFUSED/);
      assert.equal(row!.next.getTime(), start + MINUTE);
      // Not due yet: nothing is tried.
      assert.deepEqual(await deliverDue({ database, transport, now: () => start + 30_000 }), []);

      const sink = await startSmtpSink(port);
      t.after(() => sink.close());
      assert.deepEqual(
        (await deliverDue({ database, transport, now: () => start + MINUTE + 1 })).map((d) => d.outcome),
        ['sent'],
      );
      [row] = await outbox(database);
      assert.equal(row!.status, 'sent');
      assert.equal(sink.messages().length, 1);
    });

    test('a refusal for good (5xx) fails the email at once; a temporary one (4xx) is tried again', async (t) => {
      const database = await freshDatabase(dialect, t);
      const sink = await startSmtpSink();
      t.after(() => sink.close());
      const transport = smtpTransport(sink.url);
      t.after(() => transport.close?.());
      const now = Date.now();
      sink.refuse('temporary');
      await queue(database, now, 'later@example.com');
      assert.deepEqual(
        (await deliverDue({ database, transport, now: () => now })).map((d) => d.outcome),
        ['retry'],
      );
      sink.refuse('permanent');
      await queue(database, now, 'never@example.com');
      assert.deepEqual(
        (await deliverDue({ database, transport, now: () => now })).map((d) => d.outcome),
        ['failed'],
      );
      const rows = await outbox(database);
      assert.deepEqual(
        rows.map((r) => r.status),
        ['pending', 'failed'],
      );
      assert.match(rows[1]!.lastError ?? '', /550/);
      // The server quoted the recipients; what is kept of its answer names nobody.
      assert.match(rows[0]!.lastError ?? '', /<address>/);
      assert.doesNotMatch(`${rows[0]!.lastError} ${rows[1]!.lastError}`, /later@|never@/);
      assert.equal(rows[1]!.data, null, 'a failed email keeps no personal data');
    });

    test('after trying for more than a day, the worker gives up and records it', async (t) => {
      const database = await freshDatabase(dialect, t);
      const transport = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
      t.after(() => transport.close?.());
      const start = Date.now();
      await queue(database, start);
      let now = start;
      let tries = 0;
      for (; tries < 40; tries++) {
        const [row] = await outbox(database);
        if (row!.status !== 'pending') break;
        now = row!.next.getTime();
        await deliverDue({ database, transport, now: () => now });
      }
      const [row] = await outbox(database);
      assert.equal(row!.status, 'failed');
      assert.ok(now - start >= 24 * 60 * MINUTE, `gave up after ${(now - start) / MINUTE} minutes`);
      assert.ok(now - start <= GIVE_UP_AFTER_MS);
      assert.ok(tries > 10 && tries < 30, `${tries} tries`);
    });

    test('two workers at once send each email exactly once', async (t) => {
      const database = await freshDatabase(dialect, t);
      const sink = await startSmtpSink();
      t.after(() => sink.close());
      const transports: Transport[] = [smtpTransport(sink.url), smtpTransport(sink.url)];
      t.after(() => transports.forEach((x) => x.close?.()));
      const now = Date.now();
      for (let i = 0; i < 20; i++) await queue(database, now, `c${i}@example.com`);
      const [a, b] = await Promise.all(
        transports.map((transport) => deliverDue({ database, transport, now: () => now })),
      );
      assert.equal(a!.length + b!.length, 20);
      const ids = sink.messages().map((m) => m.messageId);
      assert.equal(ids.length, 20);
      assert.equal(new Set(ids).size, 20);
      const rows = await database.db
        .select({ status: database.t.outbox.status })
        .from(database.t.outbox)
        .where(eq(database.t.outbox.status, 'sent'));
      assert.equal(rows.length, 20);
    });
  });
}
