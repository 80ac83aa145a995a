'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { setSsoOnly } from '@/features/sso/settings';
import { RoleRequiredError } from '@/features/staff/access';
import { authorize } from '@/features/staff/context';
import { sendPasswordReset } from '@/features/staff/reset-links';
import { changeRole, setDisabled } from '@/features/team/accounts';
import { inviteMember, revokeInvitation } from '@/features/team/invitations';
import type { TEAM_SAVED } from '@/features/team/notices';
import { setPostingMembers } from '@/features/team/posting-teams';
import { accountToggleSchema, inviteSchema, postingTeamSchema, roleChangeSchema } from '@/features/team/schemas';
import { TeamError } from '@/features/team/team-error';
import { removeMemberSecondFactor, setSecondFactorRequired } from '@/features/two-factor/team';
import { absoluteUrl } from '@/lib/site';

type TeamSaved = keyof typeof TEAM_SAVED;

// The team page's forms. Each authorises first; the data layer checks the role again on the write and
// refuses what the role may not do. Plain form actions, so they work without JavaScript.

export type InviteState = { error?: string; invited?: string; link?: string; values?: { email: string; role: string } };

/**
 * Back to the team page with what happened, as a key of features/team/notices.ts: refusals the data layer explains
 * become their key, anything else is an error page.
 */
async function done(work: () => Promise<TeamSaved>): Promise<never> {
  let query: Record<string, string>;
  try {
    query = { saved: await work() };
  } catch (error) {
    if (error instanceof TeamError) query = { error: error.problem };
    else if (error instanceof RoleRequiredError) query = { error: 'not-allowed' };
    else throw error;
  }
  revalidatePath('/admin', 'layout');
  redirect(back(query));
}

const back = (query: Record<string, string>) => `/admin/team?${new URLSearchParams(query)}`;

export async function invite(_state: InviteState, form: FormData): Promise<InviteState> {
  await authorize();
  if (!(form instanceof FormData)) return { error: 'This is not the invitation form. Reload the page.' };
  const values = { email: String(form.get('email') ?? '').slice(0, 300), role: String(form.get('role') ?? '') };
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, values };
  let path = '';
  try {
    ({ path } = await inviteMember({ email: parsed.data.email, role: parsed.data.role }));
  } catch (error) {
    // A message of the form's own state, not of the URL: it may name the address typed.
    if (error instanceof TeamError || error instanceof RoleRequiredError) return { error: error.message, values };
    throw error;
  }
  revalidatePath('/admin/team');
  // While email is not configured the invitation goes to files on the server: the owner passes the link on.
  return { invited: parsed.data.email, link: process.env.SMTP_URL ? undefined : absoluteUrl(path) };
}

export async function updateRole(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  const parsed = roleChangeSchema.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) redirect(back({ error: 'role' }));
  await done(async () =>
    (await changeRole({ userId: parsed.data.userId, role: parsed.data.role })).revoked ? 'role-revoked' : 'role',
  );
}

export async function updateDisabled(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  const parsed = accountToggleSchema.safeParse({ userId: form.get('userId'), disable: form.get('disable') });
  if (!parsed.success) redirect(back({ error: 'no-account' }));
  const { userId, disable } = parsed.data;
  await done(async () => {
    const { revoked } = await setDisabled({ userId, disabled: disable });
    return disable ? (revoked ? 'disabled-revoked' : 'disabled') : 'enabled';
  });
}

/** An owner emails a member a link to choose a new password (features/staff/passwords.ts). */
export async function sendReset(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  const parsed = accountToggleSchema.shape.userId.safeParse(form.get('userId'));
  if (!parsed.success) redirect(back({ error: 'no-account' }));
  await done(async () => {
    await sendPasswordReset({ userId: parsed.data });
    return 'reset-sent';
  });
}

/** An owner requires a second factor of everyone, or stops requiring it. */
export async function requireSecondFactor(form: FormData): Promise<void> {
  await authorize();
  const required = form instanceof FormData && form.get('required') === 'yes';
  await done(async () => {
    await setSecondFactorRequired({ required });
    return required ? 'second-factor-required' : 'second-factor-optional';
  });
}

/** An owner makes single sign-on the only way in, or lets passwords back; the data layer keeps the break-glass account. */
export async function changeSsoOnly(form: FormData): Promise<void> {
  await authorize();
  const on = form instanceof FormData && form.get('only') === 'yes';
  await done(async () => {
    await setSsoOnly({ on });
    return on ? 'sso-only-on' : 'sso-only-off';
  });
}

/** An owner takes a member's second factor away (a lost phone and lost recovery codes). */
export async function removeSecondFactor(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  const parsed = accountToggleSchema.shape.userId.safeParse(form.get('userId'));
  if (!parsed.success) redirect(back({ error: 'no-account' }));
  await done(async () => {
    await removeMemberSecondFactor({ userId: parsed.data });
    return 'second-factor-removed';
  });
}

export async function revoke(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  await done(async () => {
    await revokeInvitation({ id: String(form.get('invitation') ?? '') });
    return 'revoked';
  });
}

export async function updatePostingTeam(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect(back({ error: 'invalid' }));
  const parsed = postingTeamSchema.safeParse({ posting: form.get('posting'), members: form.getAll('member') });
  if (!parsed.success) redirect(back({ error: 'no-posting' }));
  await done(async () => {
    await setPostingMembers({ slug: parsed.data.posting, userIds: parsed.data.members });
    return 'posting-team';
  });
}
