import { z } from 'zod';
import { STATUS_MESSAGE_MAX_CHARS } from '@/features/mail/status-messages';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { rowId } from '@/lib/row-id';
import { APPLICATION_STATUSES } from '@/lib/status';

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const applicationId = rowId;

export const statusChangeSchema = z.object({
  id: applicationId,
  status: z.enum(APPLICATION_STATUSES),
  /** The box "email the candidate": the change then waits for the email's text (the notify page). */
  notify: z.literal('yes').optional(),
});

/** The status change with the email the admin read, edited and chose to send. */
export const statusEmailSchema = z.object({
  id: applicationId,
  status: z.enum(APPLICATION_STATUSES),
  message: z
    .string()
    .trim()
    .min(1, 'Write the email to the candidate, or go back and change the status without one.')
    .max(
      STATUS_MESSAGE_MAX_CHARS,
      `The email can be at most ${STATUS_MESSAGE_MAX_CHARS.toLocaleString('en')} characters.`,
    ),
});

/** Erasing one application now: asked twice, so the second answer is required. */
export const adminErasureSchema = z.object({
  id: applicationId,
  confirm: z.literal('yes'),
  tellCandidate: z.literal('yes').optional(),
});

export const noteSchema = z.object({
  id: applicationId,
  body: z
    .string()
    .trim()
    .min(1, 'Write the note first')
    .max(NOTE_MAX_CHARS, `A note can be at most ${NOTE_MAX_CHARS} characters`),
});

/** An application id from a URL segment, or null. */
export function parseApplicationId(raw: string): number | null {
  const parsed = applicationId.safeParse(raw);
  return /^\d+$/.test(raw) && parsed.success ? parsed.data : null;
}

/** An assignment: a team member's account id, or empty for nobody. */
export const assignSchema = z.object({
  id: applicationId,
  assignee: z.union([z.literal('').transform(() => null), applicationId]),
});

/** A page of the inbox holds 50 applications; a bulk action takes at most this many. */
export const BULK_LIMIT = 100;

/** The inbox's bulk form: the chosen applications and what to do with them. */
export const bulkSchema = z.discriminatedUnion('do', [
  z.object({
    do: z.literal('status'),
    ids: z.array(applicationId).min(1, 'Choose at least one application').max(BULK_LIMIT),
    status: z.enum(APPLICATION_STATUSES),
    notify: z.literal('yes').optional(),
  }),
  z.object({
    do: z.literal('assign'),
    ids: z.array(applicationId).min(1, 'Choose at least one application').max(BULK_LIMIT),
    assignee: z.union([z.literal('').transform(() => null), applicationId]),
  }),
]);

/** The bulk status email: one text for every chosen candidate, `{name}` standing for each one's name. */
export const bulkEmailSchema = z.object({
  ids: z.array(applicationId).min(1).max(BULK_LIMIT),
  status: z.enum(APPLICATION_STATUSES),
  message: z.string().trim().min(1).max(STATUS_MESSAGE_MAX_CHARS),
});
