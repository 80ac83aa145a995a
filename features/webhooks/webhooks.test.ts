import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { eraseApplication } from '@/features/application/erase';
import { changeStatus } from '@/features/application/status-changes';
import { withdrawOwnApplication } from '@/features/candidate/applications';
import { emailKey } from '@/features/mail/email-key';
import { RoleRequiredError } from '@/features/staff/access';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, candidateContext, teamAccount } from '@/test-support/factories';
import { documentedVerifier, startWebhookReceiver, type WebhookReceiver } from '@/test-support/webhook-receiver';
import { deliverDueWebhooks } from './deliver';
import { claimNextDelivery, deleteOldDeliveries, recordAttempt, WEBHOOK_GIVE_UP_MS } from './deliveries';
import { createEndpoint, getEndpoint, listEndpoints, removeEndpoint, resumeEndpoint, sendAgain } from './endpoints';
import { WebhookError } from './notices';
import { webhookPayloadSchema } from './payloads';
import { MAX_ENDPOINTS } from './schemas';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './settings';
import { signatureHeader } from './signature';

// Webhooks end to end below the browser, on both databases: events queue deliveries in their own transactions,
// the worker posts them to a real HTTP receiver on loopback, which checks each signature with the code
// docs/webhooks.md gives receivers. The clock is passed in, so a day of retries takes a moment.

const LOOPBACK: WebhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS, allowHttp: true, allowPrivate: true, retryMs: 1_000 };
const CLAIM_MS = 60_000;
const HOUR = 3_600_000;

async function receiverFor(t: { after: (fn: () => unknown) => unknown }): Promise<WebhookReceiver> {
  const receiver = await startWebhookReceiver();
  t.after(() => receiver.close());
  return receiver;
}

/** An owner's endpoint to the receiver, its secret handed to the receiver's verifier. */
async function endpointTo(
  database: Database,
  receiver: WebhookReceiver,
  events: string[] = ['application.created'],
  owner?: Awaited<ReturnType<typeof teamAccount>>,
) {
  const account = owner ?? (await teamAccount({ database, role: 'owner' }));
  const input = { url: receiver.url, events: events as never, description: '' };
  const { id, secret } = await createEndpoint({ input, context: account.context });
  receiver.secret(secret);
  return { id, secret, owner: account };
}

const deliveries = ({ db, t }: Database) =>
  db
    .select({
      id: t.webhookDeliveries.id,
      deliveryId: t.webhookDeliveries.deliveryId,
      endpointId: t.webhookDeliveries.endpointId,
      event: t.webhookDeliveries.event,
      status: t.webhookDeliveries.status,
      attempts: t.webhookDeliveries.attempts,
      responseStatus: t.webhookDeliveries.responseStatus,
      lastError: t.webhookDeliveries.lastError,
      nextAttemptAt: t.webhookDeliveries.nextAttemptAt,
      body: t.webhookDeliveries.body,
    })
    .from(t.webhookDeliveries)
    .orderBy(t.webhookDeliveries.id);

const round = (database: Database, at: number, settings = LOOPBACK) =>
  deliverDueWebhooks({ database, settings, claimMs: CLAIM_MS, now: () => at });

for (const dialect of testDialects()) {
  describe(`webhooks on ${dialect}`, () => {
    test('an application is posted, signed, to the endpoints that listen for it; the body names no one', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const { id: endpointId } = await endpointTo(database, receiver);
      const other = await startWebhookReceiver();
      t.after(() => other.close());
      await endpointTo(database, other, ['application.erased']);
      const applicationId = await applyTo({ database, fullName: 'Ada Lovelace', email: 'ada@example.com' });
      const [queued, ...rest] = await deliveries(database);
      assert.equal(rest.length, 0, 'only the endpoint that listens for application.created gets one');
      assert.equal(queued!.endpointId, endpointId);

      const done = await round(database, Date.now());
      assert.deepEqual(
        done.map((d) => d.outcome),
        ['delivered'],
      );
      const [got] = receiver.received();
      assert.ok(got, 'the receiver got the delivery');
      assert.equal(got.verified, true, 'the documented verifier accepts the signature');
      assert.equal(got.headers['careers-event'], 'application.created');
      assert.equal(got.headers['careers-delivery'], queued!.deliveryId);
      assert.equal(got.headers['content-type'], 'application/json');
      const payload = webhookPayloadSchema.parse(JSON.parse(got.body));
      assert.equal(payload.id, queued!.deliveryId);
      assert.equal(payload.data.application.id, applicationId);
      assert.match(JSON.stringify(payload), /\/admin\/applications\/\d+/);
      assert.doesNotMatch(got.body, /Ada|Lovelace|ada@example\.com/);
      assert.equal(other.received().length, 0);

      const [stored] = await deliveries(database);
      assert.equal(stored!.status, 'delivered');
      assert.equal(stored!.responseStatus, 200);
    });

    test('a signature under another secret, or signed more than five minutes ago, does not verify', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const { secret } = await endpointTo(database, receiver);
      await applyTo({ database });
      receiver.secret('whsec_not-the-one');
      await round(database, Date.now());
      const [got] = receiver.received();
      assert.equal(got?.verified, false);
      // The same body and secret, signed an hour ago: the verifier refuses the old timestamp, however right the HMAC.
      const verify = await documentedVerifier();
      const body = got!.body;
      assert.equal(verify(secret, signatureHeader({ secret, body, at: Date.now() }), body), true);
      assert.equal(verify(secret, signatureHeader({ secret, body, at: Date.now() - HOUR }), body), false);
      assert.equal(verify(secret, signatureHeader({ secret, body, at: Date.now() }), `${body} `), false);
      assert.equal(verify(secret, 't=abc,v1=00', body), false);
      assert.equal(verify(secret, '', body), false);
    });

    test('a status change, a withdrawal and an erasure each queue their event; an erasure cancels what was not yet posted', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const { owner } = await endpointTo(database, receiver, [
        'application.status_changed',
        'application.withdrawn',
        'application.erased',
      ]);
      const email = 'grace@example.com';
      const id = await applyTo({ database, email, fullName: 'Grace Hopper' });
      assert.equal((await deliveries(database)).length, 0, 'not subscribed to application.created');
      assert.equal(await changeStatus({ id, to: 'reviewing', context: owner.context }), 'changed');
      await round(database, Date.now());
      const candidate = await candidateContext({ database, emailKey: emailKey(email) });
      assert.equal(await withdrawOwnApplication({ id, context: candidate }), 'done');
      const [, withdrawn] = await deliveries(database);
      assert.equal(withdrawn?.event, 'application.withdrawn');
      // Erased before the withdrawal was posted: the receiver hears of the erasure, not of a status after it.
      assert.equal(await eraseApplication({ id, context: owner.context }), 'erased');
      await round(database, Date.now());
      const bodies = receiver.received().map((r) => webhookPayloadSchema.parse(JSON.parse(r.body)));
      assert.deepEqual(
        bodies.map((b) => [
          b.type,
          'status' in b.data.application ? b.data.application.status : null,
          b.data.previousStatus,
        ]),
        [
          ['application.status_changed', 'reviewing', 'new'],
          ['application.erased', null, undefined],
        ],
      );
      assert.deepEqual(bodies[1]!.data.application, { id }, 'an erasure carries the id only');
      const [, cancelled] = await deliveries(database);
      assert.deepEqual([cancelled?.status, cancelled?.lastError], ['failed', 'not sent: the application was erased']);
      assert.equal(webhookPayloadSchema.parse(JSON.parse(withdrawn!.body)).data.previousStatus, 'reviewing');
      assert.ok(receiver.received().every((r) => r.verified && !/Grace|Hopper|grace@/.test(r.body)));
    });

    test('a receiver answering 500 is tried again, later, with the same delivery id, then delivered', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const { id: endpointId, owner } = await endpointTo(database, receiver);
      receiver.answer(500, 500);
      await applyTo({ database });
      const start = Date.now();
      assert.equal((await round(database, start))[0]?.outcome, 'retry');
      let [row] = await deliveries(database);
      assert.equal(row!.responseStatus, 500);
      assert.match(row!.lastError ?? '', /HTTP 500: receiver says no/);
      assert.equal(row!.nextAttemptAt.getTime(), start + 1_000, 'the first retry waits WEBHOOK_RETRY_SECONDS');
      assert.equal((await round(database, start + 500)).length, 0, 'not before its time');
      assert.equal((await round(database, start + 1_000))[0]?.outcome, 'retry');
      [row] = await deliveries(database);
      assert.equal(row!.nextAttemptAt.getTime(), start + 1_000 + 2_000, 'the next waits twice as long');
      let page = await getEndpoint({ id: endpointId, context: owner.context });
      assert.ok(page?.endpoint.failingSince, 'the endpoint is failing');
      assert.equal((await round(database, start + 3_000))[0]?.outcome, 'delivered');
      const ids = receiver.received().map((r) => r.headers['careers-delivery']);
      assert.equal(ids.length, 3);
      assert.equal(new Set(ids).size, 1, 'every try carries the same delivery id');
      assert.ok(receiver.received().every((r) => r.verified));
      page = await getEndpoint({ id: endpointId, context: owner.context });
      assert.equal(page?.endpoint.failingSince, null, 'a success ends the failing run');
      assert.deepEqual(
        page?.deliveries.map((d) => [d.status, d.attempts, d.responseStatus]),
        [['delivered', 3, 200]],
      );
    });

    test('an endpoint failing for a day is paused, its owner emailed; resumed, it gets what was due', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const { id: endpointId, owner } = await endpointTo(database, receiver);
      receiver.always(503);
      const start = Date.now();
      // An application an hour, every try refused: the first delivery gives up after a day, and the endpoint,
      // failing all that time, is paused.
      let paused = false;
      for (let at = start; at <= start + WEBHOOK_GIVE_UP_MS + 3 * HOUR && !paused; at += HOUR) {
        await applyTo({ database });
        paused = (await round(database, at)).some((d) => d.paused);
      }
      assert.ok(paused, 'paused after a day of failures');
      const [first] = await deliveries(database);
      const { db, t: tables } = database;
      const mails = await db
        .select({ kind: tables.outbox.kind, to: tables.outbox.toAddress })
        .from(tables.outbox)
        .where(eq(tables.outbox.kind, 'webhook_paused'));
      assert.deepEqual(mails, [{ kind: 'webhook_paused', to: owner.email }]);
      const audit = await db
        .select({ detail: tables.auditLog.detail })
        .from(tables.auditLog)
        .where(eq(tables.auditLog.action, 'webhook_paused'));
      assert.deepEqual(audit, [{ detail: `endpoint #${endpointId}: failing for a day` }]);

      // While paused, new events are not queued for it, and a delivery sent again waits.
      const queued = (await deliveries(database)).length;
      await applyTo({ database });
      assert.equal((await deliveries(database)).length, queued);
      assert.deepEqual(await sendAgain({ id: first!.id, context: owner.context }), { endpointId, paused: true });
      assert.equal((await round(database, Date.now())).length, 0, 'nothing is posted to a paused endpoint');

      // Resumed, the backlog (queued more than a day ago) gets a day of tries of its own: one more 503 is a retry.
      await resumeEndpoint({ id: endpointId, context: owner.context });
      const again = await round(database, Date.now());
      assert.ok(again.length >= 1);
      assert.ok(
        again.every((d) => d.outcome === 'retry'),
        again.map((d) => d.outcome).join(),
      );
      receiver.always(null);
      const before = receiver.received().length;
      const resumed = await round(database, Date.now() + HOUR);
      assert.ok(resumed.length >= 1);
      assert.ok(resumed.every((d) => d.outcome === 'delivered'));
      const ids = receiver
        .received()
        .slice(before)
        .map((r) => r.headers['careers-delivery']);
      assert.ok(ids.includes(first!.deliveryId), 'sent again: the same delivery id');
      const [endpoint] = await listEndpoints({ context: owner.context });
      assert.equal(endpoint?.pausedAt, null);
      assert.equal(endpoint?.failingSince, null);
    });

    test('a delivery refused for a day is tried a dozen times, growing apart, then given up', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      await endpointTo(database, receiver);
      receiver.always(500);
      await applyTo({ database });
      const start = Date.now();
      const outcomes: string[] = [];
      for (let at = start; at <= start + WEBHOOK_GIVE_UP_MS + HOUR; at += HOUR / 4) {
        outcomes.push(...(await round(database, at)).map((d) => d.outcome));
      }
      assert.equal(outcomes.at(-1), 'failed');
      assert.ok(outcomes.slice(0, -1).every((o) => o === 'retry'));
      const [row] = await deliveries(database);
      assert.equal(row!.status, 'failed');
      assert.ok(row!.attempts >= 12, `tried ${row!.attempts} times over the day`);
    });

    test('without WEBHOOK_ALLOW_PRIVATE a loopback receiver is refused, by address or by name, and gets nothing', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const strict: WebhookSettings = { ...LOOPBACK, allowPrivate: false };
      await endpointTo(database, receiver);
      // Added while allowed (as a development setting would), delivered when no longer allowed.
      const byName = await createEndpoint({
        input: { url: `http://localhost:${receiver.port}/hooks`, events: ['application.created'], description: '' },
        context: (await teamAccount({ database })).context,
      });
      await applyTo({ database });
      const done = await round(database, Date.now(), strict);
      assert.deepEqual(
        done.map((d) => d.outcome),
        ['retry', 'retry'],
      );
      assert.match(done[0]!.error ?? '', /127\.0\.0\.1 \(loopback\).*WEBHOOK_ALLOW_PRIVATE/);
      assert.match(done[1]!.error ?? '', /localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/);
      assert.equal(done[1]!.endpointId, byName.id);
      assert.equal(receiver.received().length, 0, 'no request reached the receiver');
    });

    test('a redirect answered is a failure, and is not followed', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      await endpointTo(database, receiver);
      receiver.answer(302);
      await applyTo({ database });
      const [redirected] = await round(database, Date.now());
      assert.equal(redirected?.outcome, 'retry');
      assert.match(
        redirected?.error ?? '',
        /HTTP 302 \(a redirect to http:\/\/127\.0\.0\.1:1\/elsewhere, not followed\)/,
      );
      assert.equal(receiver.received().length, 1);
    });

    test('one post at a time per endpoint; a lapsed claim taken over is recorded by its new holder only', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const other = await startWebhookReceiver();
      t.after(() => other.close());
      const { owner } = await endpointTo(database, receiver);
      const { id: otherId } = await endpointTo(database, other, ['application.created'], owner);
      await applyTo({ database });
      await applyTo({ database });
      const now = Date.now();
      const first = await claimNextDelivery({ database, now, claimMs: CLAIM_MS });
      const second = await claimNextDelivery({ database, now, claimMs: CLAIM_MS });
      assert.ok(first && second);
      assert.notEqual(first.endpointId, second.endpointId, 'the second lane takes the other endpoint');
      assert.equal(second.endpointId, otherId);
      assert.equal(await claimNextDelivery({ database, now, claimMs: CLAIM_MS }), null, 'both endpoints are busy');

      // "Send again" waits while a delivery is being posted.
      await assert.rejects(
        sendAgain({ id: first.id, context: owner.context }),
        (error: unknown) => error instanceof WebhookError && error.problem === 'in-flight',
      );
      // The first claim lapses and another worker takes the delivery over; the first's late outcome is dropped.
      const later = now + CLAIM_MS + 1;
      const taken = await claimNextDelivery({ database, now: later, claimMs: CLAIM_MS });
      assert.equal(taken?.id, first.id);
      const ok = { ok: true, status: 200, error: null, ms: 5 };
      const stale = await recordAttempt({ database, delivery: first, outcome: ok, now: later, retryMs: 1_000 });
      assert.equal(stale.outcome, 'superseded');
      const fresh = await recordAttempt({ database, delivery: taken!, outcome: ok, now: later, retryMs: 1_000 });
      assert.equal(fresh.outcome, 'delivered');
      const row = (await deliveries(database)).find((d) => d.id === first.id);
      assert.deepEqual([row?.status, row?.attempts], ['delivered', 2]);
    });

    test('the delivery log keeps a delivery 30 days, and a pending one until it is done', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      await endpointTo(database, receiver);
      await applyTo({ database });
      await applyTo({ database });
      await applyTo({ database });
      const { db, t: tables } = database;
      const d = tables.webhookDeliveries;
      const [old, recent, waiting] = await deliveries(database);
      const now = Date.now();
      const day = 24 * HOUR;
      await db
        .update(d)
        .set({ status: 'delivered', createdAt: new Date(now - 31 * day) })
        .where(eq(d.id, old!.id));
      await db
        .update(d)
        .set({ status: 'failed', createdAt: new Date(now - 29 * day) })
        .where(eq(d.id, recent!.id));
      await db
        .update(d)
        .set({ createdAt: new Date(now - 40 * day) })
        .where(eq(d.id, waiting!.id));
      await deleteOldDeliveries({ database, now });
      assert.deepEqual(
        (await deliveries(database)).map((row) => row.id),
        [recent!.id, waiting!.id],
      );
    });

    test('owners alone manage endpoints; removing one removes its log; each change is audited by id', async (t) => {
      const database = await freshDatabase(dialect, t);
      const receiver = await receiverFor(t);
      const recruiter = await teamAccount({ database, role: 'recruiter' });
      const input = { url: 'https://hooks.example.com/x', events: ['application.created' as const], description: '' };
      await assert.rejects(createEndpoint({ input, context: recruiter.context }), RoleRequiredError);
      await assert.rejects(listEndpoints({ context: recruiter.context }), RoleRequiredError);
      const { id, owner } = await endpointTo(database, receiver);
      // At most MAX_ENDPOINTS, so one event's fan-out stays small.
      const extra = { ...input, events: ['application.erased' as const] };
      for (let i = 1; i < MAX_ENDPOINTS; i++) await createEndpoint({ input: extra, context: owner.context });
      await assert.rejects(createEndpoint({ input: extra, context: owner.context }), /At most 20 endpoints/);
      await applyTo({ database });
      assert.equal((await deliveries(database)).length, 1);
      await removeEndpoint({ id, context: owner.context });
      assert.equal((await deliveries(database)).length, 0);
      const left = (await listEndpoints({ context: owner.context })).map((e) => e.id);
      assert.equal(left.length, MAX_ENDPOINTS - 1);
      assert.ok(!left.includes(id));
      const { db, t: tables } = database;
      const audit = await db
        .select({ action: tables.auditLog.action, detail: tables.auditLog.detail })
        .from(tables.auditLog)
        .orderBy(tables.auditLog.id);
      assert.deepEqual(
        audit.filter((a) => a.action.startsWith('webhook') || a.action === 'access_denied').map((a) => a.action),
        ['access_denied', 'access_denied', ...Array<string>(MAX_ENDPOINTS).fill('webhook_added'), 'webhook_removed'],
      );
      assert.ok(
        audit.every((a) => !a.detail?.includes('127.0.0.1')),
        'the audit log holds ids, not URLs',
      );
    });
  });
}
