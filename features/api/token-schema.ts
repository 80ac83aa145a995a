import { z } from 'zod';
import { API_SCOPES } from '@/lib/api-scopes';

/** The token form: a name to tell it apart, and at least one scope. */
export const tokenFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token after what uses it, such as “HR system”')
    .max(100, 'Keep the name under 100 characters'),
  scopes: z
    .array(z.enum(API_SCOPES, { error: 'Choose scopes from the list' }))
    .min(1, 'Choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
});
