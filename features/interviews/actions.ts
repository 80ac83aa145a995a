'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { authorize } from '@/features/staff/context';
import type { BookResult, CancelResult } from './booking';
import {
  proposalErrors,
  proposalSchema,
  proposalValues,
  teamCancelSchema,
  teamMoveSchema,
  type ProposalErrors,
} from './schemas';
import { cancelInterview, moveInterview, parseOneTime, proposeInterview } from './team';

// The team's interview forms on an application's page. Each authorises first; the data layer authorises again
// on the application. The proposal keeps its state (useActionState) so an error comes back with what was
// typed, with or without JavaScript; moving and cancelling redirect back with a notice.

export type ProposalState = {
  errors?: ProposalErrors;
  message?: string;
  /** What was sent, to correct after an error. */
  values?: Record<string, string | string[]>;
};

function back(form: FormData, id: number, extra: Record<string, string>): string {
  const filter = parseInboxFilter(new URLSearchParams(String(form.get('view') ?? '')));
  const query = filterQuery(filter, extra);
  return `/admin/applications/${id}${query ? `?${query}` : ''}#interviews`;
}

/** What the form sent, cut to sizes a page can show again. */
function echo(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(proposalValues(form))) {
    values[key] = Array.isArray(value)
      ? value.slice(0, 20).map((v) => String(v).slice(0, 20))
      : typeof value === 'string'
        ? value.slice(0, 10_000)
        : '';
  }
  return values;
}

export async function proposeInterviewAction(_state: ProposalState, form: FormData): Promise<ProposalState> {
  await authorize();
  if (!(form instanceof FormData)) return { message: 'This is not the interview form. Reload the page.' };
  const id = parseApplicationId(String(form.get('id') ?? ''));
  if (id === null) redirect('/admin');
  const parsed = proposalSchema.safeParse(proposalValues(form));
  if (!parsed.success) return { errors: proposalErrors(parsed.error), values: echo(form) };
  const result = await proposeInterview({ applicationId: id, proposal: parsed.data });
  switch (result.status) {
    case 'invalid':
      return { errors: result.errors, values: echo(form) };
    case 'closed':
      return { message: 'This application is closed (hired, rejected or withdrawn): it takes no more interviews.' };
    case 'not-found':
      return { message: 'This application does not exist, is erased, or is not on a posting you are on.' };
    case 'proposed':
      break;
  }
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, { saved: 'interview-proposed' }));
}

const MOVED: Partial<Record<BookResult, string>> = { moved: 'interview-moved', booked: 'interview-booked' };

export async function moveInterviewAction(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const id = parseApplicationId(String(form.get('id') ?? ''));
  if (id === null) redirect('/admin');
  const parsed = teamMoveSchema.safeParse({
    interviewId: form.get('interviewId'),
    timeZone: form.get('timeZone'),
    time: form.get('time'),
    message: form.get('message') ?? '',
  });
  if (!parsed.success) {
    // The first field that is wrong names the error the page shows.
    const field = parsed.error.issues[0]?.path[0];
    const key =
      field === 'message' ? 'interview-message' : field === 'interviewId' ? 'interview-not-found' : 'interview-time';
    redirect(back(form, id, { error: key }));
  }
  const time = parseOneTime({ text: parsed.data.time, zone: parsed.data.timeZone, minutes: 15 });
  if (!('start' in time)) {
    const key = /go forward/.test(time.error)
      ? 'interview-time-skipped'
      : /go back/.test(time.error)
        ? 'interview-time-twice'
        : 'interview-time';
    redirect(back(form, id, { error: key }));
  }
  const { result } = await moveInterview({
    interviewId: parsed.data.interviewId,
    start: time.start!,
    message: parsed.data.message || null,
  });
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, MOVED[result] ? { saved: MOVED[result]! } : { error: `interview-${result}` }));
}

const CANCELLED: Record<CancelResult, Record<string, string>> = {
  cancelled: { saved: 'interview-cancelled' },
  already: { saved: 'interview-cancelled' },
  'too-late': { error: 'interview-too-late' },
  'not-found': { error: 'interview-not-found' },
};

export async function cancelInterviewAction(form: FormData): Promise<void> {
  await authorize();
  if (!(form instanceof FormData)) redirect('/admin');
  const id = parseApplicationId(String(form.get('id') ?? ''));
  if (id === null) redirect('/admin');
  const parsed = teamCancelSchema.safeParse({
    interviewId: form.get('interviewId'),
    message: form.get('message') ?? '',
  });
  if (!parsed.success) redirect(back(form, id, { error: 'interview-message' }));
  const { result } = await cancelInterview({
    interviewId: parsed.data.interviewId,
    message: parsed.data.message || null,
  });
  revalidatePath('/admin', 'layout');
  redirect(back(form, id, CANCELLED[result]));
}
