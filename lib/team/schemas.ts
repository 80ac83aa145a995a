import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { emailKey } from '@/lib/email-key';
import { ROLES } from './roles';

// The team forms' shapes, checked in the browser where there is one and always again on the server.

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'An email address has at most 254 characters')
    .pipe(z.email({ error: 'Enter an email address, like name@example.com' }))
    .transform(emailKey),
  role: z.enum(ROLES, { error: 'Choose a role' }),
});

export const roleChangeSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { error: 'Choose a role' }),
});

export const joinSchema = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'The two passwords differ' });

/** Invitation links work for this long, and once. */
export const INVITATION_DAYS = 7;
