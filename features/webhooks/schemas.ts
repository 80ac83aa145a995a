import { z } from 'zod';
import { WEBHOOK_EVENTS } from '@/lib/webhook-events';
import { literalAddress, refusedRange } from './address-policy';
import type { WebhookSettings } from './settings';

// The endpoint form's shape, checked by the action (the form posts to the server; no URL is trusted from it).

export const MAX_ENDPOINTS = 20;

type UrlPolicy = Pick<WebhookSettings, 'allowHttp' | 'allowPrivate'>;

/** Why a URL cannot be an endpoint, in the words the form shows; null when it can. Delivery checks again. */
export function endpointUrlProblem(value: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL, such as https://hooks.example.com/careers';
  }
  if (url.protocol === 'http:' && !policy.allowHttp) {
    return 'The URL must start with https:// (plain http is allowed only with WEBHOOK_ALLOW_HTTP=1, for development)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://';
  if (url.username || url.password) {
    return 'Leave the user name and password out of the URL: the signature tells the receiver who sent it';
  }
  if (!policy.allowPrivate) {
    const literal = literalAddress(url.hostname);
    const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
    if (local || (literal && refusedRange(literal))) {
      return 'That address is on this machine or a private network, which webhooks may not reach (WEBHOOK_ALLOW_PRIVATE=1 allows it for development)';
    }
  }
  return null;
}

export const endpointFormSchema = (policy: UrlPolicy) =>
  z.object({
    url: z
      .string()
      .trim()
      .min(1, 'Enter the URL the events are posted to')
      .max(2000, 'The URL is too long: at most 2,000 characters')
      .superRefine((value, ctx) => {
        // An empty URL has its own message above.
        const problem = value && endpointUrlProblem(value, policy);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: 'Choose events from the list' }))
      .min(1, 'Choose at least one event')
      .transform((events) => [...new Set(events)]),
    description: z.string().trim().max(200, 'Keep the description under 200 characters'),
  });

export type EndpointInput = z.infer<ReturnType<typeof endpointFormSchema>>;
