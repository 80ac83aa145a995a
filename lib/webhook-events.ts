// The events a webhook endpoint can subscribe to, with the words the admin shows for each.

export const WEBHOOK_EVENT_LABELS = {
  'application.created': 'A candidate applied',
  'application.status_changed': 'The team moved an application',
  'application.withdrawn': 'A candidate withdrew',
  'application.erased': 'An application was erased (its id only)',
  'interview.booked': 'An interview was booked or moved',
  'interview.cancelled': 'An interview was cancelled',
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENT_LABELS;

export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_LABELS) as [WebhookEvent, ...WebhookEvent[]];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
