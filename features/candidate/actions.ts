'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { eraseOwnApplication, withdrawOwnApplication } from '@/features/candidate/applications';
import { authorizeCandidate } from '@/features/candidate/context';
import { rowId } from '@/lib/row-id';

// A candidate's own changes, from their page. Each authorises first (no session: back to the page, which
// explains how to get a link); the data layer checks again that the application is theirs.

const id = rowId;
const withdrawal = z.object({ id, reason: z.string().trim().max(2000).optional() });

export async function withdrawApplication(form: FormData): Promise<void> {
  await authorizeCandidate();
  if (!(form instanceof FormData)) redirect('/applications?notice=invalid');
  const parsed = withdrawal.safeParse({ id: form.get('id'), reason: form.get('reason') ?? undefined });
  if (!parsed.success) redirect('/applications?notice=invalid');
  const result = await withdrawOwnApplication({ id: parsed.data.id, reason: parsed.data.reason || undefined });
  redirect(`/applications?notice=${result === 'done' ? 'withdrawn' : result}`);
}

export async function eraseApplication(form: FormData): Promise<void> {
  await authorizeCandidate();
  if (!(form instanceof FormData)) redirect('/applications?notice=invalid');
  const parsed = z
    .object({ id, confirm: z.literal('yes') })
    .safeParse({ id: form.get('id'), confirm: form.get('confirm') });
  if (!parsed.success) redirect('/applications?notice=invalid');
  const result = await eraseOwnApplication({ id: parsed.data.id });
  redirect(`/applications?notice=${result === 'done' ? 'erased' : result}`);
}
