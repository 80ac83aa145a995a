import { z } from 'zod';

// What an interview's email carries to make its calendar file (features/interviews/ics.ts) as the worker sends
// it: the interview as it was when the change happened, so each email describes its own change.

export const INTERVIEW_CHANGES = ['booked', 'moved', 'cancelled'] as const;
export type InterviewChange = (typeof INTERVIEW_CHANGES)[number];

export const interviewEventSchema = z.object({
  uid: z.string(),
  sequence: z.number().int().min(0),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  url: z.string().optional(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  organizer: z.object({ name: z.string(), email: z.string() }),
  attendees: z.array(z.object({ name: z.string().optional(), email: z.string() })),
});
