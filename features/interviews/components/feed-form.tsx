'use client';

import { useActionState } from 'react';
import type { FeedState } from '@/features/interviews/feed-actions';

/** Makes (or replaces) the member's calendar link and shows it once, to copy into a calendar program. */
export function FeedForm({
  exists,
  action,
}: {
  exists: boolean;
  action: (state: FeedState, form: FormData) => Promise<FeedState>;
}) {
  const [state, formAction, pending] = useActionState(action, {}, '/admin/interviews');
  return (
    <>
      {state.url ? (
        <div className="field" role="status">
          <label className="field__label" htmlFor="calendar-url">
            Your calendar link (shown once: copy it now)
          </label>
          <input
            id="calendar-url"
            type="text"
            readOnly
            value={state.url}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="field__hint">
            In Google Calendar: Other calendars, From URL. In Outlook: Add calendar, Subscribe from web. In Apple
            Calendar: File, New Calendar Subscription. Anyone with the link sees your interviews: keep it to yourself.
          </p>
        </div>
      ) : null}
      <form action={formAction}>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {exists || state.url ? 'Replace my calendar link (the old one stops working)' : 'Make my calendar link'}
        </button>
      </form>
    </>
  );
}
