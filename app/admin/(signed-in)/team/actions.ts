'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { RoleRequiredError } from '@/db/admin/access';
import { authorize } from '@/db/admin/context';
import { changeRole, inviteMember, revokeInvitation, setDisabled, setPostingMembers, TeamError } from '@/db/admin/team';
import { SLUG_PATTERN } from '@/lib/content/posting';
import { absoluteUrl } from '@/lib/site';
import { inviteSchema, roleChangeSchema } from '@/lib/team/schemas';

// The team page's forms. Each authorises first; the data layer checks the role again on the write and
// refuses what the role may not do. Plain form actions, so they work without JavaScript.

export type InviteState = { error?: string; invited?: string; link?: string; values?: { email: string; role: string } };

/** Refusals the data layer explains become a message on the page, not an error page. */
async function explained(work: () => Promise<void>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    if (error instanceof TeamError || error instanceof RoleRequiredError) return error.message;
    throw error;
  }
}

const back = (query: Record<string, string>) => `/admin/team?${new URLSearchParams(query)}`;

export async function invite(_state: InviteState, form: FormData): Promise<InviteState> {
  await authorize();
  if (!(form instanceof FormData)) return { error: 'This is not the invitation form. Reload the page.' };
  const values = { email: String(form.get('email') ?? '').slice(0, 300), role: String(form.get('role') ?? '') };
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, values };
  let path = '';
  const error = await explained(async () => {
    ({ path } = await inviteMember(parsed.data.email, parsed.data.role));
  });
  if (error) return { error, values };
  revalidatePath('/admin/team');
  // While email is not configured the invitation goes to files on the server: the owner passes the link on.
  return { invited: parsed.data.email, link: process.env.SMTP_URL ? undefined : absoluteUrl(path) };
}

export async function updateRole(form: FormData): Promise<void> {
  await authorize();
  const parsed = roleChangeSchema.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) redirect(back({ error: 'Choose one of the roles.' }));
  const error = await explained(() => changeRole(parsed.data.userId, parsed.data.role));
  revalidatePath('/admin', 'layout');
  redirect(back(error ? { error } : { saved: 'Role changed.' }));
}

export async function updateDisabled(form: FormData): Promise<void> {
  await authorize();
  const userId = Number(form.get('userId'));
  const disable = form.get('disable') === 'yes';
  if (!Number.isSafeInteger(userId) || userId <= 0) redirect(back({ error: 'No such account.' }));
  const error = await explained(() => setDisabled(userId, disable));
  revalidatePath('/admin', 'layout');
  redirect(back(error ? { error } : { saved: disable ? 'Account disabled; its sessions ended.' : 'Account enabled.' }));
}

export async function revoke(form: FormData): Promise<void> {
  await authorize();
  const error = await explained(() => revokeInvitation(String(form.get('invitation') ?? '')));
  revalidatePath('/admin/team');
  redirect(back(error ? { error } : { saved: 'Invitation withdrawn: its link no longer works.' }));
}

export async function updatePostingTeam(form: FormData): Promise<void> {
  await authorize();
  const slug = String(form.get('posting') ?? '');
  if (!SLUG_PATTERN.test(slug) || slug.length > 200) redirect(back({ error: 'No such posting.' }));
  const members = form
    .getAll('member')
    .slice(0, 500)
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  const error = await explained(() => setPostingMembers(slug, members));
  revalidatePath('/admin', 'layout');
  redirect(back(error ? { error } : { saved: 'The posting’s team is saved.' }));
}
