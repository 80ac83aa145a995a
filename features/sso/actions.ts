'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { RoleRequiredError } from '@/features/staff/access';
import { authorize } from '@/features/staff/context';
import { TeamError } from '@/features/team/team-error';
import { setSsoOnly } from './settings';

/** The team page's "Only single sign-on" toggle; the data layer checks the owner and the break-glass account. */
export async function changeSsoOnly(form: FormData): Promise<void> {
  await authorize();
  const on = form instanceof FormData && form.get('only') === 'yes';
  let query: string;
  try {
    await setSsoOnly({ on });
    query = `saved=${on ? 'sso-only-on' : 'sso-only-off'}`;
  } catch (error) {
    if (error instanceof TeamError) query = `error=${error.problem}`;
    else if (error instanceof RoleRequiredError) query = 'error=not-allowed';
    else throw error;
  }
  revalidatePath('/admin', 'layout');
  redirect(`/admin/team?${query}`);
}
