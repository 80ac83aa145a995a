import { z } from 'zod';
import { emailKey } from '@/features/mail/email-key';
import { newPasswordSchema } from '@/features/staff/schemas';
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

/** Joining: a new password, typed twice. */
export const joinSchema = newPasswordSchema;

/** Invitation links work for this long, and once. */
export const INVITATION_DAYS = 7;
