import { z } from 'zod';
import { INTERVIEW_KINDS } from '@/lib/interview';
import { ROW_ID_MAX, rowId } from '@/lib/row-id';
import { isTimeZone, parseOfferedTimes } from './times';

// The interview forms' shapes, one schema each, read by the server actions and the data layer alike.

export const MESSAGE_MAX_CHARS = 2000;
/** More would be a list nobody reads; a window of a day in 15-minute slots is 96. */
export const SLOTS_MAX = 100;

const PICK_INTERVIEWERS = 'Choose the interviewers from the list.';
const interviewerId = z.coerce
  .number({ error: PICK_INTERVIEWERS })
  .int(PICK_INTERVIEWERS)
  .positive(PICK_INTERVIEWERS)
  .max(ROW_ID_MAX, PICK_INTERVIEWERS);
const timeZone = z
  .string({ error: 'Choose a time zone from the list.' })
  .refine(isTimeZone, 'Choose a time zone from the list.');
const message = z
  .string({ error: 'Write the message as text.' })
  .trim()
  .max(MESSAGE_MAX_CHARS, `Keep the message under ${MESSAGE_MAX_CHARS} characters.`);

export const proposalSchema = z
  .object({
    title: z
      .string({ error: 'Give the interview a title, such as “Technical interview”.' })
      .trim()
      .min(1, 'Give the interview a title, such as “Technical interview”.')
      .max(120, 'Keep the title under 120 characters.'),
    kind: z.enum(INTERVIEW_KINDS, { error: 'Choose how the interview takes place.' }),
    durationMinutes: z.coerce
      .number({ error: 'Give the length in minutes.' })
      .int('Give the length in whole minutes.')
      .min(15, 'An interview lasts at least 15 minutes.')
      .max(480, 'An interview lasts at most 8 hours (480 minutes).'),
    location: z
      .string({ error: 'Say where: the video link, the address or the phone arrangement.' })
      .trim()
      .min(1, 'Say where: the video link, the address or the phone arrangement.')
      .max(500, 'Keep the place under 500 characters.'),
    interviewerIds: z
      .array(interviewerId, { error: PICK_INTERVIEWERS })
      .min(1, 'Choose at least one interviewer.')
      .max(10, 'Choose at most 10 interviewers.'),
    timeZone,
    times: z
      .string({ error: 'Write the times as text, one per line.' })
      .max(10_000, 'That is too many lines of times.'),
    cutoffHours: z.coerce
      .number({ error: 'Give the cut-off in hours.' })
      .int('Give the cut-off in whole hours.')
      .min(0, 'The cut-off cannot be negative.')
      .max(168, 'The cut-off is at most a week (168 hours).'),
    message: message.optional(),
  })
  // Checked even when another field is wrong, so one answer lists every mistake: the fields' values may then
  // be unparsed, hence the guards.
  .superRefine(
    (values, ctx) => {
      const { kind, location, times, timeZone: zone, durationMinutes: minutes } = values as Partial<typeof values>;
      if (
        kind === 'video' &&
        typeof location === 'string' &&
        location.trim() &&
        !/^https:\/\/\S+$/.test(location.trim())
      )
        ctx.addIssue({ code: 'custom', path: ['location'], message: 'A video interview needs its https:// link.' });
      // Too long is refused by the field itself; read no further than it allows.
      if (typeof times !== 'string' || times.length > 10_000) return;
      const { starts, errors } = parseOfferedTimes({
        text: times,
        zone: typeof zone === 'string' && isTimeZone(zone) ? zone : 'UTC',
        minutes: typeof minutes === 'number' && minutes >= 15 && minutes <= 480 ? minutes : 15,
      });
      for (const error of errors.slice(0, 5)) ctx.addIssue({ code: 'custom', path: ['times'], message: error });
      if (!errors.length && starts.length === 0)
        ctx.addIssue({ code: 'custom', path: ['times'], message: 'Offer at least one time, one per line.' });
      if (starts.length > SLOTS_MAX)
        ctx.addIssue({ code: 'custom', path: ['times'], message: `Offer at most ${SLOTS_MAX} times at once.` });
    },
    { when: () => true },
  )
  .transform((values) => ({
    ...values,
    starts: parseOfferedTimes({ text: values.times, zone: values.timeZone, minutes: values.durationMinutes }).starts,
  }));

export type ProposalInput = z.input<typeof proposalSchema>;
export type Proposal = z.output<typeof proposalSchema>;
export type ProposalErrors = Partial<Record<keyof ProposalInput, string[]>>;

/** The form's fields as the schema reads them. */
export function proposalValues(form: FormData): Record<keyof ProposalInput, unknown> {
  return {
    title: form.get('title') ?? '',
    kind: form.get('kind') ?? '',
    durationMinutes: form.get('durationMinutes') ?? '',
    location: form.get('location') ?? '',
    interviewerIds: form.getAll('interviewerIds'),
    timeZone: form.get('timeZone') ?? '',
    times: form.get('times') ?? '',
    cutoffHours: form.get('cutoffHours') ?? '',
    message: form.get('message') ?? '',
  };
}

export function proposalErrors(error: z.ZodError): ProposalErrors {
  return z.flattenError(error).fieldErrors as ProposalErrors;
}

/** The candidate's choice of a time, and the team's move to a new one. */
/** Times are in the years 2000–2999 (features/interviews/times.ts): anything later is no time of ours. */
const LATEST = Date.UTC(3000, 0, 1);

export const bookingSchema = z.object({
  interviewId: rowId,
  startsAt: z.coerce.number().int().positive().max(LATEST),
  timeZone,
});

export const teamMoveSchema = z.object({
  interviewId: rowId,
  timeZone,
  // One time, as the proposal's lines write it.
  time: z
    .string({ error: 'Give the new time, as 2026-12-10 14:00.' })
    .trim()
    .min(1, 'Give the new time, as 2026-12-10 14:00.')
    .max(40, 'Give one time, as 2026-12-10 14:00.'),
  message,
});

export const teamCancelSchema = z.object({ interviewId: rowId, message });
export const ownCancelSchema = z.object({ interviewId: rowId });
