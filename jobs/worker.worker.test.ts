import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/transaction';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { smtpTransport } from '@/features/mail/transport';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { queueWebhooks } from '@/features/webhooks/queue';
import { newWebhookSecret } from '@/features/webhooks/signature';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { startSmtpSink } from '@/test-support/smtp-sink';
import { startWebhookReceiver } from '@/test-support/webhook-receiver';
import { startWorker } from './worker';

// The worker as the server runs it: emails and webhooks in loops of their own, so a receiver that never
// answers holds back neither the emails nor another endpoint's deliveries.

const until = async (check: () => boolean, ms: number, what: string) => {
  for (const deadline = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
  }
};

for (const dialect of testDialects()) {
  describe(`the worker on ${dialect}`, () => {
    test('a receiver that hangs holds back neither the emails nor the other endpoints', async (t) => {
      const database = await freshDatabase(dialect, t);
      const sink = await startSmtpSink();
      t.after(() => sink.close());
      const hanging = await startWebhookReceiver();
      const healthy = await startWebhookReceiver();
      t.after(() => healthy.close());
      hanging.answer('hang');
      const { db, t: tables } = database;
      for (const receiver of [hanging, healthy]) {
        const secret = newWebhookSecret();
        receiver.secret(secret);
        const values = { url: receiver.url, events: ['application.created'], secret, createdAt: new Date() };
        await db.insert(tables.webhookEndpoints).values(values);
      }
      const posting = { slug: 'backend', title: 'Backend Engineer' };
      const application = { id: 1, reference: 'ABCD-EFGH', status: 'new' as const, posting };
      await transaction(database, function* (tx) {
        yield* queueWebhooks({
          tx,
          t: tables,
          subject: { event: 'application.created', application },
          now: Date.now(),
        });
      });
      const transport = smtpTransport(sink.url, '"Careers" <careers@example.com>');
      const worker = startWorker({
        database,
        transport,
        store: resumeStoreFromEnv({ RESUME_STORAGE: 'database' } as unknown as NodeJS.ProcessEnv),
        webhooks: { allowHttp: true, allowPrivate: true, retryMs: 1_000 },
        pollMs: 50,
        log: () => {},
      });
      try {
        await until(() => hanging.received().length === 1, 5_000, 'the hanging receiver got its request');
        // Queued while a post hangs: it goes out all the same.
        const data = { postingTitle: posting.title, reference: application.reference, candidateName: 'Ada' };
        await queueMail({ db, t: tables, mail: mail('application_received', 'ada@example.com', data, 1) });
        await until(() => sink.messages().some((m) => m.to.includes('ada@example.com')), 5_000, 'the email');
        await until(() => healthy.received().length === 1, 5_000, 'the healthy receiver');
        assert.equal(healthy.received()[0]?.verified, true);
        // Stopping: the hanging post is cut after a few seconds, its claim given back for the next start.
        const stopping = Date.now();
        await worker.stop();
        const took = Date.now() - stopping;
        assert.ok(took < 6_000, `stopped in ${took} ms`);
        const [held] = await db
          .select({ status: tables.webhookDeliveries.status, claimedUntil: tables.webhookDeliveries.claimedUntil })
          .from(tables.webhookDeliveries)
          .where(eq(tables.webhookDeliveries.endpointId, 1));
        assert.deepEqual(held, { status: 'pending', claimedUntil: null });
      } finally {
        await worker.stop();
        await hanging.close();
        transport.close?.();
      }
    });
  });
}
