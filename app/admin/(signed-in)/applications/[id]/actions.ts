'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addNote, changeStatus } from '@/db/admin/applications';
import { authorize } from '@/db/admin/context';
import { filterQuery, parseInboxFilter } from '@/lib/admin/filter';
import { noteSchema, statusChangeSchema } from '@/lib/admin/schemas';

// Each action authorises first (a signed-out caller is redirected before anything is read), and the data
// layer checks the session again on the write. Plain form actions: they work without JavaScript.

function back(form: FormData, id: number, extra: Record<string, string> = {}): string {
  const filter = parseInboxFilter(new URLSearchParams(String(form.get('view') ?? '')));
  const query = filterQuery(filter, extra);
  return `/admin/applications/${id}${query ? `?${query}` : ''}`;
}

export async function updateStatus(form: FormData): Promise<void> {
  await authorize();
  const parsed = statusChangeSchema.safeParse({ id: form.get('id'), status: form.get('status') });
  if (!parsed.success) redirect('/admin');
  await changeStatus(parsed.data.id, parsed.data.status);
  revalidatePath('/admin', 'layout');
  redirect(back(form, parsed.data.id, { saved: 'status' }));
}

export async function createNote(form: FormData): Promise<void> {
  await authorize();
  const id = Number(form.get('id'));
  const parsed = noteSchema.safeParse({ id: form.get('id'), body: form.get('body') });
  if (!parsed.success) {
    if (!Number.isSafeInteger(id) || id <= 0) redirect('/admin');
    redirect(back(form, id, { error: 'note' }));
  }
  await addNote(parsed.data.id, parsed.data.body);
  revalidatePath('/admin', 'layout');
  redirect(back(form, parsed.data.id, { saved: 'note' }));
}
