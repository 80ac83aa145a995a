import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/features/staff/password-rules';

// The password forms' shapes (joining, a reset link, changing one's own), checked again on the server.

const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

const sameTwice = (value: { password: string; confirm: string }) => value.password === value.confirm;
const DIFFER = { path: ['confirm'], message: 'The two passwords differ' };

/** A new password and its repeat: joining the team and a reset link. */
export const newPasswordSchema = z.object({ password: newPassword, confirm: z.string() }).refine(sameTwice, DIFFER);

/** Changing one's own password: the current one first. */
export const changePasswordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH, 'That is not your password'),
    password: newPassword,
    confirm: z.string(),
  })
  .refine(sameTwice, DIFFER)
  .refine((value) => value.password !== value.current, {
    path: ['password'],
    message: 'Choose a new password different from the current one',
  });

/** A session of one's own, as the sessions list names it: the first 16 hex digits of its token's hash. */
export const sessionIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
