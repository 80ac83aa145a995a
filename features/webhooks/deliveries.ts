import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { all, exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { retryDelayMs } from '@/lib/backoff';
import type { SendOutcome } from './send';

// The worker's side of the webhook outbox: claim a due delivery, record what the receiver said. Several workers
// may run at once (each delivery is claimed by one statement); a worker killed mid-post leaves a claim that
// lapses, and the delivery is posted again: at least once, and the receiver deduplicates by its id.

/** Tries for a day (1, 2, 4… minutes apart, at most two hours), and an endpoint failing that long is paused. */
export const WEBHOOK_GIVE_UP_MS = 24 * 60 * 60 * 1000;

export type ClaimedDelivery = {
  id: number;
  deliveryId: string;
  endpointId: number;
  event: string;
  body: string;
  attempts: number;
  queuedAt: Date;
};

export async function claimNextDelivery({
  database,
  now,
  claimMs,
}: {
  database: Database;
  now: number;
  claimMs: number;
}): Promise<ClaimedDelivery | null> {
  const { db, t } = database;
  const d = t.webhookDeliveries;
  const at = new Date(now);
  const unclaimed = or(isNull(d.claimedUntil), lt(d.claimedUntil, at));
  const live = db
    .select({ id: t.webhookEndpoints.id })
    .from(t.webhookEndpoints)
    .where(isNull(t.webhookEndpoints.pausedAt));
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, at), unclaimed, inArray(d.endpointId, live)))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(1);
  const [claimed] = await db
    .update(d)
    .set({ claimedUntil: new Date(now + claimMs), attempts: sql`${d.attempts} + 1` })
    .where(and(inArray(d.id, due), unclaimed))
    .returning({
      id: d.id,
      deliveryId: d.deliveryId,
      endpointId: d.endpointId,
      event: d.event,
      body: d.body,
      attempts: d.attempts,
      queuedAt: d.queuedAt,
    });
  return claimed ?? null;
}

export type Recorded = { outcome: 'delivered' | 'retry' | 'failed'; paused: boolean };

/** Records one try; a failure schedules the next (or gives up after a day) and may pause the endpoint. */
export async function recordAttempt({
  database,
  delivery,
  outcome,
  now,
  retryMs,
}: {
  database: Database;
  delivery: ClaimedDelivery;
  outcome: SendOutcome;
  now: number;
  retryMs: number;
}): Promise<Recorded> {
  const { t } = database;
  const d = t.webhookDeliveries;
  const e = t.webhookEndpoints;
  const at = new Date(now);
  const tried = {
    claimedUntil: null,
    lastAttemptAt: at,
    responseStatus: outcome.status,
    durationMs: outcome.ms,
    lastError: outcome.error?.slice(0, 500) ?? null,
  };
  return transaction(database, function* (tx) {
    yield* exclusive(database, tx, `webhook-endpoint:${delivery.endpointId}`);
    if (outcome.ok) {
      yield* run(
        tx
          .update(d)
          .set({ ...tried, status: 'delivered' })
          .where(eq(d.id, delivery.id)),
      );
      yield* run(tx.update(e).set({ failingSince: null }).where(eq(e.id, delivery.endpointId)));
      return { outcome: 'delivered', paused: false };
    }
    const delay = retryDelayMs(delivery.attempts, retryMs);
    const gaveUp = now - delivery.queuedAt.getTime() + delay > WEBHOOK_GIVE_UP_MS;
    yield* run(
      tx
        .update(d)
        .set(gaveUp ? { ...tried, status: 'failed' } : { ...tried, nextAttemptAt: new Date(now + delay) })
        .where(eq(d.id, delivery.id)),
    );
    yield* run(
      tx
        .update(e)
        .set({ failingSince: sql`coalesce(${e.failingSince}, ${sql.param(at, e.failingSince)})` })
        .where(eq(e.id, delivery.endpointId)),
    );
    const endpoint = yield* one(
      tx
        .select({ url: e.url, failingSince: e.failingSince, pausedAt: e.pausedAt, createdBy: e.createdBy })
        .from(e)
        .where(eq(e.id, delivery.endpointId)),
    );
    const outcomeName = gaveUp ? 'failed' : 'retry';
    if (!endpoint || endpoint.pausedAt || !endpoint.failingSince) return { outcome: outcomeName, paused: false };
    // Counted to the next try, as the delivery's own give-up is: one delivery failing a day pauses it too.
    if (now + delay - endpoint.failingSince.getTime() <= WEBHOOK_GIVE_UP_MS)
      return { outcome: outcomeName, paused: false };
    yield* run(tx.update(e).set({ pausedAt: at }).where(eq(e.id, delivery.endpointId)));
    const detail = `endpoint #${delivery.endpointId}: failing for a day`;
    yield* run(auditEntry({ db: tx, t, entry: { actorEmail: 'webhooks', action: 'webhook_paused', detail }, now }));
    // Its owner hears of it: whoever added it while they are still an owner, else every owner.
    const u = t.adminUsers;
    const owners = yield* all(
      tx
        .select({ id: u.id, email: u.email })
        .from(u)
        .where(and(eq(u.role, 'owner'), isNull(u.disabledAt), ne(u.email, ''))),
    );
    const creator = owners.filter((owner) => owner.id === endpoint.createdBy);
    const data = { endpointId: delivery.endpointId, url: endpoint.url, lastError: tried.lastError ?? 'no answer' };
    for (const owner of creator.length ? creator : owners) {
      yield* run(queueMail({ db: tx, t, mail: mail('webhook_paused', owner.email, data), now }));
    }
    return { outcome: outcomeName, paused: true };
  });
}

/** Deliveries kept in the log this long after their last try, then deleted by the worker. */
export const DELIVERY_LOG_DAYS = 30;

export async function deleteOldDeliveries({ database, now }: { database: Database; now: number }): Promise<void> {
  const { db, t } = database;
  const d = t.webhookDeliveries;
  const before = new Date(now - DELIVERY_LOG_DAYS * 24 * 60 * 60 * 1000);
  await db.delete(d).where(and(ne(d.status, 'pending'), lt(d.createdAt, before)));
}
