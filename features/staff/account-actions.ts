'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import type { ACCOUNT_SAVED } from '@/features/staff/account-notices';
import { authorize } from '@/features/staff/context';
import { changePassword } from '@/features/staff/passwords';
import { resetPassword } from '@/features/staff/reset-links';
import { changePasswordSchema, newPasswordSchema, sessionIdSchema } from '@/features/staff/schemas';
import { endOwnSessions } from '@/features/staff/sessions';
import { clientAddress } from '@/lib/http/request';

// "Your account" and the reset link's forms. Plain form actions under useActionState, so they work without
// JavaScript; the data layer checks everything again.

export type PasswordFormState = { error?: string };

const NOT_THE_FORM = { error: 'This is not the password form. Reload the page.' };

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

const minutes = (seconds: number) => {
  const n = Math.ceil(seconds / 60);
  return `${n} minute${n === 1 ? '' : 's'}`;
};

export async function changeOwnPassword(_state: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  await authorize();
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const parsed = changePasswordSchema.safeParse({
    current: field(form, 'current'),
    password: field(form, 'password'),
    confirm: field(form, 'confirm'),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { current, password } = parsed.data;
  const result = await changePassword({ current, password, address: clientAddress(await headers()) });
  if (result.status === 'wrong') return { error: 'Your current password is not right. Type it again.' };
  if (result.status === 'weak') return { error: result.message };
  if (result.status === 'throttled')
    return { error: `Too many wrong passwords from your network. Try again in ${minutes(result.retryAfter)}.` };
  redirect(back('password'));
}

type AccountSaved = keyof typeof ACCOUNT_SAVED;
const back = (saved: AccountSaved) => `/admin/account?saved=${saved}`;

/** Signs one of the viewer's other sessions out. */
export async function endSession(form: FormData): Promise<void> {
  await authorize();
  const id = sessionIdSchema.safeParse(form instanceof FormData ? form.get('session') : null);
  if (!id.success) redirect('/admin/account?error=no-session');
  const ended = await endOwnSessions({ id: id.data });
  redirect(ended ? back('session-ended') : '/admin/account?error=no-session');
}

/** Signs every other session of the viewer out. */
export async function endOtherSessions(): Promise<void> {
  await authorize();
  await endOwnSessions({});
  redirect(back('sessions-ended'));
}

/** The reset link's form; the token arrives as a hidden field, as the join form's does. */
export async function resetWithLink(_state: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const parsed = newPasswordSchema.safeParse({ password: field(form, 'password'), confirm: field(form, 'confirm') });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const token = field(form, 'token');
  const result = await resetPassword({ database: await getDb(), token, password: parsed.data.password });
  if ('problem' in result) {
    if (result.problem === 'password') return { error: result.message };
    return { error: 'This link no longer works. Ask for a new one on the sign-in page.' };
  }
  redirect('/admin/sign-in?reset=1');
}
