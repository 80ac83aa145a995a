'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { BULK_LIMIT, bulkEmailSchema, bulkSchema } from '@/features/application/schemas';
import { changeStatuses } from '@/features/application/status-changes';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { authorize } from '@/features/staff/context';
import { assignApplications } from '@/features/team/assignment';

// The inbox's bulk actions: one data-layer call each, which checks every application of the selection against
// what the viewer may open, so a selection can never reach further than the viewer could one by one.

/** The inbox view the admin came from, with what happened. */
function inbox(form: FormData, result: Record<string, string | number>): string {
  const view = parseInboxFilter(new URLSearchParams(String(form.get('view') ?? '')));
  const query = filterQuery(view, Object.fromEntries(Object.entries(result).map(([k, v]) => [k, String(v)])));
  return `/admin?${query}`;
}

export async function bulkAction(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin?bulk=invalid');
  const parsed = bulkSchema.safeParse({
    do: form.get('do'),
    ids: form.getAll('ids').slice(0, BULK_LIMIT + 1),
    status: form.get('bulkStatus') ?? undefined,
    notify: form.get('bulkNotify') ?? undefined,
    assignee: form.get('bulkAssignee') ?? undefined,
  });
  if (!parsed.success) {
    const tooMany = form.getAll('ids').length > BULK_LIMIT;
    redirect(inbox(form, { bulk: tooMany ? 'too-many' : form.getAll('ids').length ? 'invalid' : 'none' }));
  }
  const action = parsed.data;
  if (action.do === 'status') {
    if (action.notify) {
      const params = new URLSearchParams({ status: action.status, view: String(form.get('view') ?? '') });
      for (const id of action.ids) params.append('ids', String(id));
      redirect(`/admin/bulk/notify?${params}`);
    }
    const { changed } = await changeStatuses({ ids: action.ids, to: action.status });
    revalidatePath('/admin', 'layout');
    redirect(inbox(form, { bulk: 'moved', count: changed, of: action.ids.length }));
  }
  const { assigned, refused } = await assignApplications({ ids: action.ids, assigneeId: action.assignee });
  revalidatePath('/admin', 'layout');
  redirect(inbox(form, { bulk: 'assigned', count: assigned, of: assigned + refused }));
}

/** The bulk email page's form: each candidate gets the text with their own name, with the status change. */
export async function bulkStatusWithEmail(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin?bulk=invalid');
  const parsed = bulkEmailSchema.safeParse({
    ids: form.getAll('ids').slice(0, BULK_LIMIT + 1),
    status: form.get('status'),
    message: form.get('message'),
  });
  if (!parsed.success) {
    const params = new URLSearchParams({ status: String(form.get('status') ?? ''), error: 'message' });
    for (const id of form.getAll('ids').slice(0, BULK_LIMIT)) params.append('ids', String(id));
    redirect(`/admin/bulk/notify?${params}`);
  }
  const { ids, status, message } = parsed.data;
  const { changed } = await changeStatuses({ ids, to: status, message });
  revalidatePath('/admin', 'layout');
  redirect(inbox(form, { bulk: 'emailed', count: changed, of: ids.length }));
}
