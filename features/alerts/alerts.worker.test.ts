import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { transaction } from '@/db/transaction';
import { deliverDue } from '@/features/mail/deliver';
import { smtpTransport } from '@/features/mail/transport';
import { eraseSteps } from '@/features/privacy/erasure';
import { applicationRows } from '@/test-support/application-rows';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { startSmtpSink } from '@/test-support/smtp-sink';
import { announceNewPostings } from './announce';
import { queueDigests } from './digest';
import type { AlertChoice, Announced } from './filters';
import { announceablePostings } from './open-postings';
import {
  changeSubscription,
  confirmSubscription,
  deleteExpiredSubscriptions,
  subscribe,
  subscriptionByToken,
  unsubscribe,
} from './subscriptions';
import { alertToken } from './tokens';

// Job alerts on both databases, delivered to a real SMTP server on loopback; the clock is passed in.

const DAY = 24 * 60 * 60 * 1000;
const ANY: AlertChoice = { category: null, department: null, location: null, remoteOnly: false, frequency: 'instant' };

const posting = (slug: string, overrides: Partial<Announced> = {}): Announced => ({
  postingSlug: slug,
  title: `Title of ${slug}`,
  category: 'Engineering',
  department: 'Platform',
  location: 'Berlin, Germany',
  remote: false,
  ...overrides,
});

async function smtp(t: { after: (fn: () => unknown) => unknown }) {
  const sink = await startSmtpSink();
  t.after(() => sink.close());
  const transport = smtpTransport(sink.url, '"Careers" <careers@example.com>');
  t.after(() => transport.close?.());
  return { sink, transport };
}

/** Signs up and confirms through the link the confirmation email carries, as a person would. */
async function confirmed(database: Database, email: string, choice: Partial<AlertChoice>, now: number) {
  await subscribe({ database, email, choice: { ...ANY, ...choice }, now });
  const { db, t } = database;
  const rows = await db.select().from(t.alertSubscriptions).where(eq(t.alertSubscriptions.email, email));
  const row = rows.at(-1)!;
  const token = alertToken(row.id, row.nonce);
  assert.ok(await confirmSubscription({ database, token, now }));
  return token;
}

for (const dialect of testDialects()) {
  describe(`job alerts on ${dialect}`, () => {
    test('double opt-in: the confirmation email’s link starts the alert; an unconfirmed one hears nothing', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const now = Date.now();
      await subscribe({ database, email: 'ada@example.com', choice: ANY, now });
      await subscribe({ database, email: 'bob@example.com', choice: ANY, now });
      await deliverDue({ database, transport, now: () => now });
      const [toAda] = sink.messages().filter((m) => m.to.includes('ada@example.com'));
      assert.equal(toAda!.subject, 'Confirm your job alert');
      assert.equal(toAda!.headers['list-unsubscribe'], undefined, 'nothing to unsubscribe from yet');
      const link = /https?:\/\/\S+\/alerts\/manage\?token=([\w.-]+)/.exec(toAda!.text)!;
      assert.ok(link, toAda!.text);
      assert.ok(await confirmSubscription({ database, token: link[1], now }));

      assert.deepEqual(await announceNewPostings({ database, postings: [posting('data-engineer')], now }), [
        'data-engineer',
      ]);
      await deliverDue({ database, transport, now: () => now });
      const alerts = sink.messages().filter((m) => m.subject.startsWith('New job'));
      assert.deepEqual(
        alerts.map((m) => m.to),
        [['ada@example.com']],
      );
      assert.equal(alerts[0]!.subject, 'New job: Title of data-engineer');
      assert.match(alerts[0]!.html, /\/careers\/data-engineer\?src=alert/);
      // RFC 8058: a mail client may unsubscribe with one POST, no page.
      assert.match(alerts[0]!.headers['list-unsubscribe']!, /^<https?:\/\/\S+\/alerts\/unsubscribe\?token=[\w.-]+>$/);
      assert.equal(alerts[0]!.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
    });

    test('each posting is announced once ever: not again on a restart, an edit or by a second worker at once', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const now = Date.now();
      await confirmed(database, 'ada@example.com', {}, now);
      const open = [posting('one'), posting('two')];
      // Two workers see the same new postings at the same moment.
      const [a, b] = await Promise.all([
        announceNewPostings({ database, postings: open, now }),
        announceNewPostings({ database, postings: open, now }),
      ]);
      assert.deepEqual([...a, ...b].sort(), ['one', 'two']);
      // A restart (a new process reads the same content), and an edit of a posting already announced.
      assert.deepEqual(await announceNewPostings({ database, postings: open, now: now + DAY }), []);
      assert.deepEqual(
        await announceNewPostings({ database, postings: [posting('one', { title: 'Renamed' })], now: now + DAY }),
        [],
      );
      await deliverDue({ database, transport, now: () => now + DAY });
      const subjects = sink
        .messages()
        .filter((m) => m.subject.startsWith('New job'))
        .map((m) => m.subject);
      assert.deepEqual(subjects.sort(), ['New job: Title of one', 'New job: Title of two']);
    });

    test('from the content: a new file, a draft opened, a datePosted reached; each once, whatever restarts', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-alerts-'));
      t.after(() => fs.rmSync(root, { recursive: true, force: true }));
      fs.mkdirSync(path.join(root, 'postings'));
      const write = (slug: string, extra: string) =>
        fs.writeFileSync(
          path.join(root, 'postings', `${slug}.mdx`),
          `---\ntitle: ${slug}\nposition: 1\ncategory: Engineering\n${extra}---\nThe job.\n`,
        );
      const now = Date.parse('2027-01-10T09:00:00Z');
      write('open-now', '');
      write('draft', 'status: draft\n');
      write('later', 'datePosted: 2027-01-12\n');
      write('closed', 'status: closed\n');
      write('expired', 'validThrough: 2027-01-01\n');
      await confirmed(database, 'ada@example.com', {}, now);
      // Each run is a worker's cycle; a fresh call is what a restart or a second instance does.
      const cycle = async (at: number) =>
        announceNewPostings({ database, postings: await announceablePostings({ root, now: at }), now: at });
      assert.deepEqual(await cycle(now), ['open-now']);
      assert.deepEqual(await cycle(now + 60_000), []);
      write('draft', 'status: open\n');
      write('new-file', 'department: Data\n');
      assert.deepEqual((await cycle(now + DAY)).sort(), ['draft', 'new-file']);
      assert.deepEqual(await cycle(now + DAY + 60_000), []);
      assert.deepEqual(await cycle(now + 2 * DAY), ['later']);
      assert.deepEqual(await cycle(now + 3 * DAY), []);
      await deliverDue({ database, transport, now: () => now + 3 * DAY });
      const subjects = sink
        .messages()
        .filter((m) => m.subject.startsWith('New job'))
        .map((m) => m.subject)
        .sort();
      assert.deepEqual(subjects, ['New job: draft', 'New job: later', 'New job: new-file', 'New job: open-now']);
    });

    test('only the alerts a posting matches hear of it', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const now = Date.now();
      await confirmed(database, 'any@example.com', {}, now);
      await confirmed(database, 'eng@example.com', { category: 'Engineering' }, now);
      await confirmed(database, 'design@example.com', { category: 'Design' }, now);
      await confirmed(database, 'platform@example.com', { department: 'Platform' }, now);
      await confirmed(database, 'berlin@example.com', { location: 'Berlin, Germany' }, now);
      await confirmed(database, 'paris@example.com', { location: 'Paris, France' }, now);
      await confirmed(database, 'remote@example.com', { remoteOnly: true }, now);
      await confirmed(database, 'weekly@example.com', { frequency: 'weekly' }, now);
      await subscribe({ database, email: 'unconfirmed@example.com', choice: ANY, now });
      await deliverDue({ database, transport, now: () => now });
      const before = sink.messages().length;
      await announceNewPostings({ database, postings: [posting('berlin-engineer')], now });
      await deliverDue({ database, transport, now: () => now });
      const told = sink
        .messages()
        .slice(before)
        .flatMap((m) => m.to)
        .sort();
      assert.deepEqual(told, ['any@example.com', 'berlin@example.com', 'eng@example.com', 'platform@example.com']);
      // A remote posting reaches the remote-only alert; one without a department or place, the alerts that ask none.
      const next = sink.messages().length;
      await announceNewPostings({
        database,
        postings: [posting('remote-designer', { category: 'Design', department: null, location: null, remote: true })],
        now,
      });
      await deliverDue({ database, transport, now: () => now });
      assert.deepEqual(
        sink
          .messages()
          .slice(next)
          .flatMap((m) => m.to)
          .sort(),
        ['any@example.com', 'design@example.com', 'remote@example.com'],
      );
    });

    test('a weekly alert gets one digest of its week’s matches, once, and none for an empty week', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const start = Date.now();
      await confirmed(database, 'weekly@example.com', { frequency: 'weekly', category: 'Engineering' }, start);
      await announceNewPostings({ database, postings: [posting('a')], now: start + DAY });
      await announceNewPostings({ database, postings: [posting('b', { category: 'Design' })], now: start + 2 * DAY });
      await announceNewPostings({ database, postings: [posting('c')], now: start + 3 * DAY });
      assert.equal(await queueDigests({ database, now: start + 6 * DAY }), 0, 'not before the week is up');
      const [x, y] = await Promise.all([
        queueDigests({ database, now: start + 7 * DAY }),
        queueDigests({ database, now: start + 7 * DAY }),
      ]);
      assert.equal(x + y, 1, 'two workers, one digest');
      await deliverDue({ database, transport, now: () => start + 7 * DAY });
      const digests = sink.messages().filter((m) => m.subject.startsWith('This week'));
      assert.equal(digests.length, 1);
      assert.match(digests[0]!.text, /Title of a/);
      assert.match(digests[0]!.text, /Title of c/);
      assert.doesNotMatch(digests[0]!.text, /Title of b/);
      assert.equal(digests[0]!.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
      assert.equal(await queueDigests({ database, now: start + 14 * DAY }), 0, 'an empty week sends nothing');
    });

    test('links: a forged, voided or malformed token opens nothing; unsubscribing stops what was queued', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { sink, transport } = await smtp(t);
      const now = Date.now();
      const token = await confirmed(database, 'ada@example.com', {}, now);
      for (const bad of [
        null,
        '',
        'x',
        `${token}x`,
        `${token.split('.')[0]}.${'A'.repeat(43)}`,
        `99.${token.split('.')[1]}`,
      ])
        assert.equal(await subscriptionByToken({ database, token: bad }), null, String(bad));
      const changed = await changeSubscription({
        database,
        token,
        choice: { ...ANY, category: 'Design', frequency: 'weekly' },
        now: now + DAY,
      });
      assert.equal(changed?.category, 'Design');
      assert.equal(changed?.renewedAt.getTime(), now + DAY);
      await changeSubscription({ database, token, choice: ANY, now });
      await deliverDue({ database, transport, now: () => now });
      const before = sink.messages().length;
      await announceNewPostings({ database, postings: [posting('queued')], now });
      assert.equal(await unsubscribe({ database, token }), true);
      assert.equal(await unsubscribe({ database, token }), false, 'once');
      assert.deepEqual(await deliverDue({ database, transport, now: () => now }), []);
      assert.equal(sink.messages().length, before, 'an alert queued before unsubscribing is not sent');
      // With its last alert gone, the address leaves the outbox too, as an erasure would leave it.
      const { db, t: tables } = database;
      const rows = await db.select().from(tables.outbox);
      assert.ok(rows.length >= 2);
      for (const row of rows) {
        assert.equal(row.toAddress, 'erased');
        assert.equal(row.data, null);
        assert.notEqual(row.status, 'pending');
      }
      // An email whose alert went between its queueing and its sending (another instance unsubscribed it).
      await db.insert(tables.outbox).values({
        kind: 'job_alert',
        toAddress: 'late@example.com',
        data: { subscriptionId: 4242, postings: [{ postingSlug: 'x', title: 'X', location: null, remote: false }] },
        nextAttemptAt: new Date(now),
        createdAt: new Date(now),
      });
      assert.deepEqual(
        (await deliverDue({ database, transport, now: () => now })).map((d) => d.outcome),
        ['failed'],
      );
      assert.equal(sink.messages().length, before);
    });

    test('the same alert asked again sends the confirmation again, not a second alert; ten an address at most', async (t) => {
      const database = await freshDatabase(dialect, t);
      const now = Date.now();
      for (let i = 0; i < 3; i++) await subscribe({ database, email: ' Ada@Example.com ', choice: ANY, now });
      for (let i = 0; i < 12; i++)
        await subscribe({ database, email: 'ada@example.com', choice: { ...ANY, location: `Place ${i}` }, now });
      const { db, t: tables } = database;
      const rows = await db.select().from(tables.alertSubscriptions);
      assert.equal(rows.length, 10);
      assert.ok(rows.every((r) => r.emailKey === 'ada@example.com'));
      const confirmations = await db.select().from(tables.outbox).where(eq(tables.outbox.kind, 'alert_confirm'));
      assert.equal(confirmations.length, 3 + 9);
    });

    test('an erasure someone asked for takes the address’s alerts and their emails; retention’s does not', async (t) => {
      const database = await freshDatabase(dialect, t);
      const now = Date.now();
      const { db, t: tables } = database;
      await confirmed(database, 'Ada@Example.com', {}, now);
      await confirmed(database, 'bob@example.com', {}, now);
      const ada = await applicationRows(database, { fullName: 'Ada', email: 'ada@example.com', status: 'rejected' });
      const bob = await applicationRows(database, { fullName: 'Bob', email: 'bob@example.com', status: 'rejected' });
      await transaction(database, (tx) => eraseSteps({ tx, t: tables, id: bob, now, notify: false }));
      await transaction(database, (tx) => eraseSteps({ tx, t: tables, id: ada, now, notify: false, requested: true }));
      const left = await db.select({ email: tables.alertSubscriptions.email }).from(tables.alertSubscriptions);
      assert.deepEqual(
        left.map((r) => r.email),
        ['bob@example.com'],
      );
      const outbox = await db.select({ to: tables.outbox.toAddress, kind: tables.outbox.kind }).from(tables.outbox);
      assert.ok(!outbox.some((row) => /ada@/i.test(row.to)), JSON.stringify(outbox));
      assert.ok(outbox.some((row) => row.to === 'bob@example.com'));
    });

    test('unconfirmed alerts go after a week; confirmed ones ALERTS_RETENTION_DAYS after their last renewal', async (t) => {
      const database = await freshDatabase(dialect, t);
      const now = Date.now();
      await subscribe({ database, email: 'never@example.com', choice: ANY, now });
      const kept = await confirmed(database, 'kept@example.com', {}, now);
      await confirmed(database, 'lapsed@example.com', {}, now);
      assert.equal(await deleteExpiredSubscriptions({ database, now: now + 6 * DAY, days: 365 }), 0);
      assert.equal(await deleteExpiredSubscriptions({ database, now: now + 8 * DAY, days: 365 }), 1);
      // "Keep my alert" in an email renews it.
      await confirmSubscription({ database, token: kept, now: now + 300 * DAY });
      assert.equal(await deleteExpiredSubscriptions({ database, now: now + 366 * DAY, days: 365 }), 1);
      const { db, t: tables } = database;
      assert.deepEqual(
        (await db.select({ email: tables.alertSubscriptions.email }).from(tables.alertSubscriptions)).map(
          (r) => r.email,
        ),
        ['kept@example.com'],
      );
    });
  });
}
