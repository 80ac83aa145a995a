// What the webhook pages say after a form: keys in the URL, each a fixed text (features/team/notices.ts says why).

export const WEBHOOK_SAVED = {
  removed: 'Endpoint removed, with its delivery log.',
  resumed: 'Endpoint resumed: new events are sent to it again, and deliveries still due are tried now.',
  resent: 'The delivery is queued: it is sent again within a few seconds.',
  'resent-paused': 'The delivery is queued, and is sent once the endpoint is resumed.',
} as const;

export const WEBHOOK_ERRORS = {
  invalid: 'That request was not complete. Reload the page and try again.',
  'no-endpoint': 'No such endpoint: it may have been removed.',
  'no-delivery': 'No such delivery: it may have been removed from the log.',
  'in-flight': 'That delivery is being sent right now: its outcome shows here in a moment.',
  'not-allowed': 'Only owners manage webhooks.',
} as const;

export type WebhookProblem = keyof typeof WEBHOOK_ERRORS;

export class WebhookError extends Error {
  constructor(
    readonly problem: WebhookProblem | 'too-many',
    message: string = problem,
  ) {
    super(message);
  }
}
