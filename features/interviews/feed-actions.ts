'use server';

import { redirect } from 'next/navigation';
import { authorize } from '@/features/staff/context';
import { absoluteUrl } from '@/lib/site';
import { makeCalendarFeed, revokeCalendarFeed } from './mine';

// The calendar link's buttons on "My interviews". The link is shown once, in the answer (it is not stored).

export type FeedState = { url?: string };

export async function makeCalendarFeedAction(_state: FeedState, _form: FormData): Promise<FeedState> {
  await authorize();
  return { url: absoluteUrl(await makeCalendarFeed()) };
}

export async function revokeCalendarFeedAction(): Promise<void> {
  await authorize();
  await revokeCalendarFeed();
  redirect('/admin/interviews?saved=feed-revoked');
}
