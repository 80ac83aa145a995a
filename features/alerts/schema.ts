import { z } from 'zod';
import { CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from '@/features/apply/text-rules';
import { ALERT_FREQUENCIES } from '@/lib/alert-frequencies';

// The job alert form, checked on the server (the form itself needs no JavaScript). Filters come from lists of
// the postings' own values; a value no posting has today is still taken (a team may open roles later), but it
// must be short, printable text.

const facet = z
  .string()
  .max(200, 'A filter is at most 200 characters')
  .refine(
    (v) => !CONTROL_OR_LINE_BREAK.test(v) && !DIRECTION_CONTROL.test(v),
    'A filter cannot hold control characters',
  )
  .transform((v) => v.trim() || null);

export const alertChoiceSchema = z.object({
  category: facet.default(''),
  department: facet.default(''),
  location: facet.default(''),
  remoteOnly: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  frequency: z.enum(ALERT_FREQUENCIES, { error: 'Choose how often: as they open, or once a week' }),
});

export const alertSignupSchema = alertChoiceSchema.extend({
  email: z
    .email({ error: 'Enter an email address in the correct format, like name@example.com' })
    .max(254, 'The email address is too long'),
});

/** A form's fields as the schemas read them (a missing checkbox is unchecked; repeated fields are refused). */
export function fieldsOf(form: FormData | null): Record<string, string> | null {
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || name in fields) return null;
    fields[name] = name === 'email' ? value.trim() : value;
  }
  return fields;
}
