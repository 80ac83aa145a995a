import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo } from '@/test-support/factories';
import { operationsSample } from './sample';

const MINUTE = 60_000;
const received = (to: string) =>
  mail('application_received', to, { postingTitle: 'Backend Engineer', reference: 'ABCD-EFGH', candidateName: 'Ada' });

for (const dialect of testDialects()) {
  describe(`what /metrics reads of the data, on ${dialect}`, () => {
    test('an empty site: nothing kept, nothing waiting', async (t) => {
      const database = await freshDatabase(dialect, t);
      const sample = await operationsSample({ database });
      assert.deepEqual(Object.values(sample.applications), [0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual(sample.outbox, { pending: 0, failed: 0, oldestPendingSeconds: 0 });
      assert.deepEqual(sample.webhooks, { pending: 0, failed: 0, pausedEndpoints: 0 });
    });

    test('applications by status, and the outbox: pending, failed, and how long the oldest pending has waited', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const first = await applyTo({ database });
      await applyTo({ database });
      await db.update(tables.applications).set({ status: 'rejected' }).where(eq(tables.applications.id, first));
      // The applications' own emails are sent; then two wait (queued 5 and 2 minutes ago) and one failed.
      await db.update(tables.outbox).set({ status: 'sent' });
      const now = Date.now();
      await queueMail({ db, t: tables, mail: received('a@example.com'), now: now - 5 * MINUTE });
      await queueMail({ db, t: tables, mail: received('b@example.com'), now: now - 2 * MINUTE });
      await queueMail({ db, t: tables, mail: received('c@example.com'), now: now - 60 * MINUTE });
      await db.update(tables.outbox).set({ status: 'failed' }).where(eq(tables.outbox.toAddress, 'c@example.com'));

      const sample = await operationsSample({ database, now });
      assert.equal(sample.applications.new, 1);
      assert.equal(sample.applications.rejected, 1, 'the counts follow a status change');
      assert.deepEqual(sample.outbox, { pending: 2, failed: 1, oldestPendingSeconds: 300 });
    });

    test('webhooks: deliveries pending and failed, endpoints paused', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const at = new Date();
      const endpoint = {
        url: 'https://hooks.example.com/',
        events: ['application.created'],
        secret: 's',
        createdAt: at,
      };
      const [live] = await db
        .insert(tables.webhookEndpoints)
        .values([endpoint, { ...endpoint, pausedAt: at }])
        .returning({ id: tables.webhookEndpoints.id });
      await applyTo({ database });
      await applyTo({ database });
      const rows = await db
        .select({ id: tables.webhookDeliveries.id, endpointId: tables.webhookDeliveries.endpointId })
        .from(tables.webhookDeliveries);
      assert.deepEqual(
        rows.map((r) => r.endpointId),
        [live!.id, live!.id],
        'a paused endpoint gets nothing queued',
      );
      await db
        .update(tables.webhookDeliveries)
        .set({ status: 'failed' })
        .where(eq(tables.webhookDeliveries.id, rows[0]!.id));
      const sample = await operationsSample({ database });
      assert.deepEqual(sample.webhooks, { pending: 1, failed: 1, pausedEndpoints: 1 });
    });
  });
}
