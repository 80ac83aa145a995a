import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';

/** The 429 page of a throttled sign-in step (the password, or the code after it), with Retry-After. */
export function signInPaused({ retryAfter, after, back }: { retryAfter: number; after: string; back: string }) {
  const minutes = Math.ceil(retryAfter / 60);
  return messagePage(
    429,
    'Too many sign-in attempts',
    html`<p>
        Sign-in is paused after ${after} from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.
      </p>
      <p><a href="${back}">Back to sign in</a></p>`,
    { 'Retry-After': String(retryAfter) },
  );
}
