import { randomUUID } from 'node:crypto';
import { is, isNull } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { AppDb, Tables } from '@/db/database';
import { all, run, type Steps } from '@/db/transaction';
import { webhookBody, type WebhookSubject } from './payloads';

// The webhook outbox: an event's deliveries are rows written in the event's own transaction, one per endpoint
// that listens for it, so no event is announced that did not happen, nor one that happened lost. The worker
// posts them (features/webhooks/deliver.ts). Shared by the site and the worker, so no `server-only`.

/** Queues `subject` for every endpoint that subscribes to its event and is not paused. */
export function* queueWebhooks({
  tx,
  t,
  subject,
  now,
}: {
  tx: AppDb;
  t: Tables;
  subject: WebhookSubject;
  now: number;
}): Steps<void> {
  const e = t.webhookEndpoints;
  const live = tx.select({ id: e.id, events: e.events }).from(e).where(isNull(e.pausedAt));
  // On PostgreSQL an owner could remove an endpoint between this read and the insert, and the insert would fail
  // on the foreign key, taking the candidate's application with it: the rows read are held until the commit
  // (SQLite runs one write transaction at a time).
  const endpoints = yield* all(is(e, PgTable) ? live.for('key share') : live);
  const at = new Date(now);
  const rows = endpoints
    .filter((endpoint) => endpoint.events.includes(subject.event))
    .map((endpoint) => {
      const deliveryId = randomUUID();
      return {
        deliveryId,
        endpointId: endpoint.id,
        event: subject.event,
        applicationId: subject.application.id,
        body: webhookBody({ deliveryId, subject, at: now }),
        nextAttemptAt: at,
        queuedAt: at,
        createdAt: at,
      };
    });
  if (rows.length) yield* run(tx.insert(t.webhookDeliveries).values(rows));
}
