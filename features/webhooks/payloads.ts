import { z } from 'zod';
import { INTERVIEW_KINDS, INTERVIEW_STATUSES } from '@/lib/interview';
import { absoluteUrl } from '@/lib/site';
import { APPLICATION_STATUSES } from '@/lib/status';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/webhook-events';

// What a delivery's body says: versioned JSON with the minimum a receiver needs (ids, statuses, the posting, a
// link to the admin page) and no candidate's name, address or resume: a receiver that needs those asks the
// API with a token, so a chat channel or a log that keeps the body keeps no personal data. The schema is the
// contract: tests parse what receivers get with it, and the API's OpenAPI document is generated from it.

export const WEBHOOK_VERSION = 1;

const applicationSummary = z.object({
  id: z.number().int(),
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  posting: z.object({ slug: z.string(), title: z.string() }),
  adminUrl: z.url(),
});

/**
 * An interview's event: which, of what kind, when; never who, nor its title (the team's free words, which could
 * name the candidate).
 */
const interviewSummary = z.object({
  id: z.number().int(),
  kind: z.enum(INTERVIEW_KINDS),
  status: z.enum(INTERVIEW_STATUSES),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
});

export type InterviewSummary = z.infer<typeof interviewSummary>;

type InterviewEvent = 'interview.booked' | 'interview.cancelled';

export const webhookPayloadSchema = z.object({
  /** The delivery's id: the same on every try, so a receiver can drop one it has already handled. */
  id: z.uuid(),
  type: z.enum(WEBHOOK_EVENTS),
  version: z.literal(WEBHOOK_VERSION),
  createdAt: z.iso.datetime(),
  data: z.object({
    application: z.union([applicationSummary, z.object({ id: z.number().int() })]),
    previousStatus: z.enum(APPLICATION_STATUSES).optional(),
    interview: interviewSummary.optional(),
  }),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** What the event is about, as the transaction that causes it knows it. Erasure knows the id only. */
export type WebhookSubject =
  | { event: 'application.erased'; application: { id: number } }
  | {
      event: Exclude<WebhookEvent, 'application.erased' | InterviewEvent>;
      application: Omit<z.infer<typeof applicationSummary>, 'adminUrl'>;
      previousStatus?: z.infer<typeof applicationSummary>['status'];
    }
  | {
      event: InterviewEvent;
      application: Omit<z.infer<typeof applicationSummary>, 'adminUrl'>;
      interview: InterviewSummary;
    };

export function webhookBody({
  deliveryId,
  subject,
  at,
}: {
  deliveryId: string;
  subject: WebhookSubject;
  at: number;
}): string {
  const application =
    subject.event === 'application.erased'
      ? { id: subject.application.id }
      : { ...subject.application, adminUrl: absoluteUrl(`/admin/applications/${subject.application.id}`) };
  const previousStatus = 'previousStatus' in subject ? subject.previousStatus : undefined;
  const interview = 'interview' in subject ? subject.interview : undefined;
  const payload: WebhookPayload = {
    id: deliveryId,
    type: subject.event,
    version: WEBHOOK_VERSION,
    createdAt: new Date(at).toISOString(),
    data: { application, ...(previousStatus ? { previousStatus } : {}), ...(interview ? { interview } : {}) },
  };
  return JSON.stringify(payload);
}
