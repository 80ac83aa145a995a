import { z } from 'zod';
import { APPLICATION_STATUSES } from '@/lib/application/status';
import { NOTE_MAX_CHARS } from '@/lib/limits';

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const applicationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const statusChangeSchema = z.object({ id: applicationId, status: z.enum(APPLICATION_STATUSES) });

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
