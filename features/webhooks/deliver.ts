import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { claimNextDelivery, recordAttempt, releaseClaim, type Recorded } from './deliveries';
import { SEND_TIMEOUT_MS, sendWebhook, type SendOutcome } from './send';
import type { WebhookSettings } from './settings';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

// The worker's webhook round: every due delivery, one at a time, signed at the moment it is sent.

export type WebhookDelivered = Recorded & { id: number; endpointId: number; error: string | null };

type Send = typeof sendWebhook;

/** The post's deadline and the time to record its outcome on a busy database. */
export const MIN_CLAIM_MS = SEND_TIMEOUT_MS + 5_000;

export async function deliverDueWebhooks({
  database,
  settings,
  claimMs,
  now = () => Date.now(),
  stopping = () => false,
  signal,
  send = sendWebhook,
}: {
  database: Database;
  settings: WebhookSettings;
  claimMs: number;
  now?: () => number;
  /** True once the process is stopping: the post under way is finished, no other is claimed. */
  stopping?: () => boolean;
  /** Aborted when a stopping worker will wait no longer: the post is cut and its claim given back. */
  signal?: AbortSignal;
  send?: Send;
}): Promise<WebhookDelivered[]> {
  const { db, t } = database;
  const done: WebhookDelivered[] = [];
  // A claim outlasts a post's deadline, so a slow receiver's delivery is not claimed and posted again beside it.
  const holdMs = Math.max(claimMs, MIN_CLAIM_MS);
  const next = () => (stopping() ? undefined : claimNextDelivery({ database, now: now(), claimMs: holdMs }));
  for (let delivery = await next(); delivery; delivery = await next()) {
    const [endpoint] = await db
      .select({ url: t.webhookEndpoints.url, secret: t.webhookEndpoints.secret })
      .from(t.webhookEndpoints)
      .where(eq(t.webhookEndpoints.id, delivery.endpointId));
    // Removed since the claim: its deliveries went with it.
    if (!endpoint) continue;
    const outcome: SendOutcome = await send({
      url: endpoint.url,
      body: delivery.body,
      policy: settings,
      signal,
      headers: {
        [SIGNATURE_HEADER]: signatureHeader({ secret: endpoint.secret, body: delivery.body, at: now() }),
        [DELIVERY_HEADER]: delivery.deliveryId,
        [EVENT_HEADER]: delivery.event,
      },
    });
    if (outcome.aborted) {
      await releaseClaim({ database, delivery });
      break;
    }
    const recorded = await recordAttempt({ database, delivery, outcome, now: now(), retryMs: settings.retryMs });
    done.push({ ...recorded, id: delivery.id, endpointId: delivery.endpointId, error: outcome.error });
  }
  return done;
}
