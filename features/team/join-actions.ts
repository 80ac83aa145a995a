'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { acceptInvitation } from '@/features/team/invitations';
import { joinSchema } from '@/features/team/schemas';

export type JoinState = { error?: string };

/**
 * Sets the invited colleague's password: the link is used up, the account made with the invited role. The
 * token arrives as a hidden field (a bound action under useActionState loops the server without JavaScript).
 */
export async function join(_state: JoinState, form: FormData): Promise<JoinState> {
  if (!(form instanceof FormData)) return { error: 'This is not the invitation form. Reload the page.' };
  const token = String(form.get('token') ?? '');
  const parsed = joinSchema.safeParse({
    password: String(form.get('password') ?? ''),
    confirm: String(form.get('confirm') ?? ''),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const result = await acceptInvitation({ database: await getDb(), token, password: parsed.data.password });
  if ('problem' in result) {
    if (result.problem === 'password') return { error: result.message };
    if (result.problem === 'exists') return { error: 'An account for this address exists already: sign in with it.' };
    return { error: 'This invitation no longer works. Ask the owner who invited you for a new one.' };
  }
  redirect('/admin/sign-in?joined=1');
}
