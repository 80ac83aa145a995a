import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { all, exclusive, one, run, transaction, type Steps } from '@/db/transaction';
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
  /** The claim this worker holds: its outcome is recorded only while the claim is still its own. */
  claimedUntil: Date | null;
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
  // One post at a time per endpoint: a slow receiver holds one lane, not all of them.
  const busy = sql`${d.endpointId} NOT IN (SELECT endpoint_id FROM webhook_deliveries WHERE status = 'pending' AND claimed_until > ${sql.param(at, d.claimedUntil)})`;
  const query = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, at), unclaimed, inArray(d.endpointId, live), busy))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(1);
  // On PostgreSQL two lanes would pick the same row and one would come back empty-handed: it skips the row
  // the other has locked instead. SQLite runs the one UPDATE alone.
  const due = database.dialect === 'postgres' ? query.for('update', { skipLocked: true }) : query;
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
      claimedUntil: d.claimedUntil,
    });
  return claimed ?? null;
}

/** `superseded`: the claim lapsed and another worker took the delivery over; its outcome is that worker's to record. */
export type Recorded = { outcome: 'delivered' | 'retry' | 'failed' | 'superseded'; paused: boolean };

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
  const ours = and(
    eq(d.id, delivery.id),
    delivery.claimedUntil ? eq(d.claimedUntil, delivery.claimedUntil) : isNull(d.claimedUntil),
  );
  return transaction(database, function* (tx): Steps<Recorded> {
    yield* exclusive(database, tx, `webhook-endpoint:${delivery.endpointId}`);
    if (outcome.ok) {
      const row = yield* one(
        tx
          .update(d)
          .set({ ...tried, status: 'delivered' })
          .where(ours)
          .returning({ id: d.id }),
      );
      yield* run(tx.update(e).set({ failingSince: null }).where(eq(e.id, delivery.endpointId)));
      return { outcome: row ? 'delivered' : 'superseded', paused: false };
    }
    const delay = retryDelayMs(delivery.attempts, retryMs);
    const gaveUp = now - delivery.queuedAt.getTime() + delay > WEBHOOK_GIVE_UP_MS;
    const row = yield* one(
      tx
        .update(d)
        .set(gaveUp ? { ...tried, status: 'failed' } : { ...tried, nextAttemptAt: new Date(now + delay) })
        .where(ours)
        .returning({ id: d.id }),
    );
    if (!row) return { outcome: 'superseded', paused: false };
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
    // The origin only: a hook URL's path is often its credential (a chat tool's incoming webhook).
    const data = {
      endpointId: delivery.endpointId,
      url: new URL(endpoint.url).origin,
      lastError: tried.lastError ?? 'no answer',
    };
    for (const owner of creator.length ? creator : owners) {
      yield* run(queueMail({ db: tx, t, mail: mail('webhook_paused', owner.email, data), now }));
    }
    return { outcome: outcomeName, paused: true };
  });
}

/** Gives a claim back untried (the worker is stopping): the next worker posts the delivery at once. */
export async function releaseClaim({ database, delivery }: { database: Database; delivery: ClaimedDelivery }) {
  const { db, t } = database;
  const d = t.webhookDeliveries;
  if (!delivery.claimedUntil) return;
  await db
    .update(d)
    .set({ claimedUntil: null, attempts: sql`${d.attempts} - 1` })
    .where(and(eq(d.id, delivery.id), eq(d.claimedUntil, delivery.claimedUntil)));
}

/** Deliveries kept in the log this long after their last try, then deleted by the worker. */
export const DELIVERY_LOG_DAYS = 30;

export async function deleteOldDeliveries({ database, now }: { database: Database; now: number }): Promise<void> {
  const { db, t } = database;
  const d = t.webhookDeliveries;
  const before = new Date(now - DELIVERY_LOG_DAYS * 24 * 60 * 60 * 1000);
  await db.delete(d).where(and(ne(d.status, 'pending'), lt(d.createdAt, before)));
}
