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

export const TOKEN_SAVED = { revoked: 'Token revoked: it no longer works.' } as const;
export const TOKEN_ERRORS = {
  invalid: 'That request was not complete. Reload the page and try again.',
  'no-token': 'No such token, or it is already revoked.',
  'not-allowed': 'Only owners manage API tokens.',
} as const;
