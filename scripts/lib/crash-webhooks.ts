// The crash test's webhook half (scripts/crash-test.ts): an endpoint to a real receiver on loopback, and the
// check that every application's delivery reached it, signed, repeated only where a kill cut its post.
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { newWebhookSecret } from '@/features/webhooks/signature';
import { WEBHOOK_LANES } from '@/jobs/worker';
import type { WebhookReceiver } from '@/test-support/webhook-receiver';

/** What the site's server needs to post to a receiver on loopback, a retry a second after a failure. */
export const WEBHOOK_ENV = { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SECONDS: '1' };

/** An endpoint for application.created to the receiver, written before the first server starts. */
export async function addCrashEndpoint(databaseUrl: string, receiver: WebhookReceiver): Promise<void> {
  const database = await openDatabase(databaseUrl);
  try {
    const secret = newWebhookSecret();
    receiver.secret(secret);
    await database.db.insert(database.t.webhookEndpoints).values({
      url: receiver.url,
      events: ['application.created'],
      secret,
      createdAt: new Date(),
    });
  } finally {
    await database.close();
  }
}

export async function pendingDeliveries({ db, t }: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(t.webhookDeliveries)
    .where(eq(t.webhookDeliveries.status, 'pending'));
  return row?.n ?? 0;
}

/**
 * Each stored application has its one delivery, delivered; the receiver got every delivery id at least once,
 * every signature verified; repeats (a post a kill cut after the receiver had it) at most one per kill and lane.
 */
export async function checkWebhooks(database: Database, receiver: WebhookReceiver, kills: number) {
  const { db, t } = database;
  const problems: string[] = [];
  const got = new Map<string, number>();
  for (const request of receiver.received()) {
    const id = String(request.headers['careers-delivery']);
    got.set(id, (got.get(id) ?? 0) + 1);
    if (!request.verified) problems.push(`delivery ${id}: the signature did not verify`);
  }
  const rows = await db
    .select({
      deliveryId: t.webhookDeliveries.deliveryId,
      applicationId: t.webhookDeliveries.applicationId,
      status: t.webhookDeliveries.status,
    })
    .from(t.webhookDeliveries);
  const [{ n: applications }] = (await db.select({ n: count() }).from(t.applications)) as [{ n: number }];
  if (rows.length !== applications) problems.push(`${rows.length} webhook deliveries for ${applications} applications`);
  if (new Set(rows.map((r) => r.applicationId)).size !== rows.length)
    problems.push('an application has two deliveries');
  let repeats = 0;
  for (const row of rows) {
    const times = got.get(row.deliveryId) ?? 0;
    if (row.status !== 'delivered') problems.push(`delivery ${row.deliveryId} is ${row.status}`);
    if (times === 0) problems.push(`delivery ${row.deliveryId} never reached the receiver`);
    repeats += Math.max(0, times - 1);
  }
  if (repeats > kills * WEBHOOK_LANES) {
    problems.push(`${repeats} repeated webhook deliveries for ${kills} kills of ${WEBHOOK_LANES} lanes`);
  }
  const summary = `${rows.length} webhook deliveries, all received and verified: ${repeats} repeated (${kills} kills, ${WEBHOOK_LANES} lanes)`;
  return { problems, summary };
}
