'use server';

import { redirect } from 'next/navigation';
import { authorizeCandidate } from '@/features/candidate/context';
import type { BookResult, CancelResult } from './booking';
import { bookOwnInterview, cancelOwnInterview } from './own';
import { bookingSchema, ownCancelSchema } from './schemas';
import { isTimeZone } from './times';

// The candidate's interview forms, on their page. Each authorises first (no session: back to the page, which
// explains how to get a link); the data layer checks again that the interview is on one of their applications.

/** Back to the page, in the zone the candidate was reading, with a notice. */
function back(form: FormData, notice: string): never {
  const zone = String(form.get('timeZone') ?? '');
  const query = new URLSearchParams({ notice, ...(isTimeZone(zone) ? { tz: zone } : {}) });
  redirect(`/applications?${query}#interviews`);
}

const BOOKED: Record<BookResult, string> = {
  booked: 'interview-booked',
  moved: 'interview-moved',
  unchanged: 'interview-unchanged',
  taken: 'interview-taken',
  'not-offered': 'interview-not-offered',
  past: 'interview-past',
  'too-late': 'interview-too-late',
  cancelled: 'interview-cancelled-already',
  closed: 'interview-closed',
  'not-found': 'not-found',
};

export async function bookInterview(form: FormData): Promise<void> {
  await authorizeCandidate();
  if (!(form instanceof FormData)) redirect('/applications?notice=invalid');
  if (!form.get('startsAt')) back(form, 'interview-choose');
  const parsed = bookingSchema.safeParse({
    interviewId: form.get('interviewId'),
    startsAt: form.get('startsAt'),
    timeZone: form.get('timeZone'),
  });
  if (!parsed.success) back(form, 'invalid');
  const { interviewId, startsAt, timeZone } = parsed.data;
  back(form, BOOKED[await bookOwnInterview({ interviewId, start: startsAt, timeZone })]);
}

const CANCELLED: Record<CancelResult, string> = {
  cancelled: 'interview-cancelled',
  already: 'interview-cancelled',
  'too-late': 'interview-too-late',
  'not-found': 'not-found',
};

export async function cancelOwnInterviewAction(form: FormData): Promise<void> {
  await authorizeCandidate();
  if (!(form instanceof FormData)) redirect('/applications?notice=invalid');
  const parsed = ownCancelSchema.safeParse({ interviewId: form.get('interviewId') });
  if (!parsed.success) back(form, 'invalid');
  back(form, CANCELLED[await cancelOwnInterview({ interviewId: parsed.data.interviewId })]);
}
