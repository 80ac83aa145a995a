import { z } from 'zod';
import { emailKey } from '@/features/mail/email-key';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/features/staff/password';
import { SLUG_PATTERN } from '@/lib/content/posting';
import { ROLES } from '@/lib/roles';
import { rowId } from '@/lib/row-id';

// The team forms' shapes, checked in the browser where there is one and always again on the server.

const accountId = rowId;

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
  userId: accountId,
  role: z.enum(ROLES, { error: 'Choose a role' }),
});

export const accountToggleSchema = z.object({
  userId: accountId,
  disable: z.enum(['yes', 'no']).transform((value) => value === 'yes'),
});

/** A posting's team as the form sends it: the posting's slug and the ticked accounts (at most 500). */
export const postingTeamSchema = z.object({
  posting: z.string().max(200).regex(SLUG_PATTERN),
  members: z.array(accountId).max(500),
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
