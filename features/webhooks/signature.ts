import { createHmac, randomBytes } from 'node:crypto';

// How a delivery proves it came from this site, as Stripe and the Standard Webhooks scheme do it: an HMAC-SHA256,
// under the endpoint's secret, of `<unix seconds>.<body>`, sent with the timestamp in one header. The
// receiver recomputes it and rejects an old timestamp, so a captured delivery cannot be replayed later.

export const SIGNATURE_HEADER = 'careers-signature';
export const DELIVERY_HEADER = 'careers-delivery';
export const EVENT_HEADER = 'careers-event';

/** A new endpoint's secret: 32 random bytes, prefixed so a leaked one is recognisable in a scan. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` */
export function signatureHeader({ secret, body, at }: { secret: string; body: string; at: number }): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
