import 'server-only';
import { and, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { WebhookError } from './notices';
import { MAX_ENDPOINTS, type EndpointInput } from './schemas';
import { newWebhookSecret } from './signature';

// The admin's webhook endpoints: owners only, checked here next to the data. Every change is audited by id
// (a URL may carry a token of the receiver's, so it stays out of the audit log).

const owner = (attempted: string, context?: AdminContext) => authorizeRole({ roles: onlyOwners, attempted, context });

/** Adds an endpoint; its secret is returned this once and shown once. */
export async function createEndpoint({
  input,
  context,
}: {
  input: EndpointInput;
  context?: AdminContext;
}): Promise<{ id: number; secret: string }> {
  const { database, viewer, now: clock } = await owner('add a webhook endpoint', context);
  const { t } = database;
  const now = clock();
  const secret = newWebhookSecret();
  const id = await transaction(database, function* (tx) {
    const count = yield* one(tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(t.webhookEndpoints));
    if ((count?.n ?? 0) >= MAX_ENDPOINTS) {
      throw new WebhookError('too-many', `At most ${MAX_ENDPOINTS} endpoints: remove one you no longer use first`);
    }
    const row = yield* one(
      tx
        .insert(t.webhookEndpoints)
        .values({ ...input, secret, createdBy: viewer.userId, createdAt: new Date(now) })
        .returning({ id: t.webhookEndpoints.id }),
    );
    const detail = `endpoint #${row!.id}: ${input.events.join(', ')}`;
    yield* run(auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'webhook_added', detail }, now }));
    return row!.id;
  });
  return { id, secret };
}

const endpointColumns = (e: Awaited<ReturnType<typeof owner>>['database']['t']['webhookEndpoints']) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  createdAt: e.createdAt,
  failingSince: e.failingSince,
  pausedAt: e.pausedAt,
});

export async function listEndpoints({ context }: { context?: AdminContext } = {}) {
  const { database } = await owner('list webhook endpoints', context);
  const { db, t } = database;
  return db.select(endpointColumns(t.webhookEndpoints)).from(t.webhookEndpoints).orderBy(t.webhookEndpoints.id);
}

export const DELIVERIES_PER_PAGE = 50;

/** One endpoint and a page of its delivery log, newest first; `before` is the last row id of the page before. */
export async function getEndpoint({ id, before, context }: { id: number; before?: number; context?: AdminContext }) {
  const { database } = await owner('read a webhook endpoint', context);
  const { db, t } = database;
  const [endpoint] = await db
    .select(endpointColumns(t.webhookEndpoints))
    .from(t.webhookEndpoints)
    .where(eq(t.webhookEndpoints.id, id));
  if (!endpoint) return null;
  const d = t.webhookDeliveries;
  const rows = await db
    .select({
      id: d.id,
      deliveryId: d.deliveryId,
      event: d.event,
      applicationId: d.applicationId,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      lastError: d.lastError,
      durationMs: d.durationMs,
      createdAt: d.createdAt,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.nextAttemptAt,
    })
    .from(d)
    .where(and(eq(d.endpointId, id), before ? lt(d.id, before) : undefined))
    .orderBy(desc(d.id))
    .limit(DELIVERIES_PER_PAGE + 1);
  const more = rows.length > DELIVERIES_PER_PAGE;
  const deliveries = rows.slice(0, DELIVERIES_PER_PAGE);
  return { endpoint, deliveries, nextBefore: more ? deliveries.at(-1)!.id : null };
}

export async function removeEndpoint({ id, context }: { id: number; context?: AdminContext }): Promise<void> {
  const { database, viewer, now } = await owner('remove a webhook endpoint', context);
  const { t } = database;
  await transaction(database, function* (tx) {
    const gone = yield* one(
      tx.delete(t.webhookEndpoints).where(eq(t.webhookEndpoints.id, id)).returning({ id: t.webhookEndpoints.id }),
    );
    if (!gone) throw new WebhookError('no-endpoint');
    yield* run(tx.delete(t.webhookDeliveries).where(eq(t.webhookDeliveries.endpointId, id)));
    const entry = { actorEmail: viewer.email, action: 'webhook_removed' as const, detail: `endpoint #${id}` };
    yield* run(auditEntry({ db: tx, t, entry, now: now() }));
  });
}

/**
 * Sends to a paused endpoint again: the failing run starts over, and what is still due goes out now, with a
 * day of tries of its own (a backlog older than a day would otherwise give up at its first failure).
 */
export async function resumeEndpoint({ id, context }: { id: number; context?: AdminContext }): Promise<void> {
  const { database, viewer, now } = await owner('resume a webhook endpoint', context);
  const { t } = database;
  const e = t.webhookEndpoints;
  await transaction(database, function* (tx) {
    const row = yield* one(
      tx.update(e).set({ pausedAt: null, failingSince: null }).where(eq(e.id, id)).returning({ id: e.id }),
    );
    if (!row) throw new WebhookError('no-endpoint');
    const d = t.webhookDeliveries;
    yield* run(
      tx
        .update(d)
        .set({ nextAttemptAt: new Date(now()), queuedAt: new Date(now()), attempts: 0, claimedUntil: null })
        .where(and(eq(d.endpointId, id), eq(d.status, 'pending'))),
    );
    const entry = { actorEmail: viewer.email, action: 'webhook_resumed' as const, detail: `endpoint #${id}` };
    yield* run(auditEntry({ db: tx, t, entry, now: now() }));
  });
}

/** Queues one delivery again, with the same id and body, for another day of tries. */
export async function sendAgain({
  id,
  context,
}: {
  id: number;
  context?: AdminContext;
}): Promise<{ endpointId: number; paused: boolean }> {
  const { database, viewer, now: clock } = await owner('send a webhook delivery again', context);
  const { t } = database;
  const d = t.webhookDeliveries;
  const now = new Date(clock());
  return transaction(database, function* (tx) {
    const row = yield* one(
      tx
        .update(d)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now, claimedUntil: null })
        // Not while a worker is posting it: two posts at once, and the first's outcome written over the second.
        .where(and(eq(d.id, id), or(isNull(d.claimedUntil), lte(d.claimedUntil, now))))
        .returning({ endpointId: d.endpointId }),
    );
    if (!row) {
      const exists = yield* one(tx.select({ id: d.id }).from(d).where(eq(d.id, id)));
      throw new WebhookError(exists ? 'in-flight' : 'no-delivery');
    }
    const endpoint = yield* one(
      tx
        .select({ pausedAt: t.webhookEndpoints.pausedAt })
        .from(t.webhookEndpoints)
        .where(eq(t.webhookEndpoints.id, row.endpointId)),
    );
    const entry = {
      actorEmail: viewer.email,
      action: 'webhook_resent' as const,
      detail: `delivery #${id} to endpoint #${row.endpointId}`,
    };
    yield* run(auditEntry({ db: tx, t, entry, now: now.getTime() }));
    return { endpointId: row.endpointId, paused: Boolean(endpoint?.pausedAt) };
  });
}
