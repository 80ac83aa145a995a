'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { eraseApplication } from '@/features/application/erase';
import { addNote } from '@/features/application/queries';
import {
  adminErasureSchema,
  assignSchema,
  noteSchema,
  statusChangeSchema,
  statusEmailSchema,
} from '@/features/application/schemas';
import { changeStatus } from '@/features/application/status-changes';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { RoleRequiredError } from '@/features/staff/access';
import { authorize } from '@/features/staff/context';
import { assignApplications } from '@/features/team/assignment';

// Each action authorises first (a signed-out caller is redirected before anything is read), and the data
// layer checks the session again on the write. Plain form actions: they work without JavaScript.

/** The application's page (or one of its sub-pages), keeping the inbox view the admin came from. */
function back(form: FormData, id: number, extra: Record<string, string> = {}, page = ''): string {
  const filter = parseInboxFilter(new URLSearchParams(String(form.get('view') ?? '')));
  const query = filterQuery(filter, extra);
  return `/admin/applications/${id}${page}${query ? `?${query}` : ''}`;
}

export async function updateStatus(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const parsed = statusChangeSchema.safeParse({
    id: form.get('id'),
    status: form.get('status'),
    notify: form.get('notify') ?? undefined,
  });
  if (!parsed.success) redirect('/admin');
  const { id, status, notify } = parsed.data;
  // Telling the candidate: nothing changes until the admin has read the email and chosen to send it.
  if (notify) redirect(back(form, id, { move: status }, '/notify'));
  await changeStatus({ id, to: status });
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, { saved: 'status' }));
}

/** The notify page's form: the status change and the email the admin wrote, in one transaction. */
export async function updateStatusWithEmail(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const parsed = statusEmailSchema.safeParse({
    id: form.get('id'),
    status: form.get('status'),
    message: form.get('message'),
  });
  if (!parsed.success) {
    const id = Number(form.get('id'));
    if (!Number.isSafeInteger(id) || id <= 0) redirect('/admin');
    redirect(back(form, id, { move: String(form.get('status')), error: 'message' }, '/notify'));
  }
  const { id, status, message } = parsed.data;
  const result = await changeStatus({ id, to: status, message });
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, { saved: result === 'changed' ? 'status-emailed' : 'status-unchanged' }));
}

/** The erase page's form: asked twice, so only its explicit confirmation erases. */
export async function eraseApplicationNow(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const parsed = adminErasureSchema.safeParse({
    id: form.get('id'),
    confirm: form.get('confirm'),
    tellCandidate: form.get('tellCandidate') ?? undefined,
  });
  if (!parsed.success) redirect('/admin');
  try {
    await eraseApplication({ id: parsed.data.id, tellCandidate: parsed.data.tellCandidate === 'yes' });
  } catch (error) {
    if (!(error instanceof RoleRequiredError)) throw error;
    redirect(back(form, parsed.data.id, { error: 'erase-role' }));
  }
  revalidatePath('/admin', 'layout');
  redirect(back(form, parsed.data.id, { saved: 'erased' }));
}

export async function createNote(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const id = Number(form.get('id'));
  const parsed = noteSchema.safeParse({ id: form.get('id'), body: form.get('body') });
  if (!parsed.success) {
    if (!Number.isSafeInteger(id) || id <= 0) redirect('/admin');
    redirect(back(form, id, { error: 'note' }));
  }
  await addNote({ id: parsed.data.id, body: parsed.data.body });
  revalidatePath('/admin', 'layout');
  redirect(back(form, parsed.data.id, { saved: 'note' }));
}

/** Assigns the application to a team member who can open it, or to nobody (an empty choice). */
export async function assign(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const parsed = assignSchema.safeParse({ id: form.get('id'), assignee: form.get('assignee') });
  if (!parsed.success) redirect('/admin');
  const { id, assignee } = parsed.data;
  const { assigned } = await assignApplications({ ids: [id], assigneeId: assignee });
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, assigned ? { saved: assignee ? 'assigned' : 'unassigned' } : { error: 'assign' }));
}
