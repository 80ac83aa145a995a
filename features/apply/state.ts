import { ANTI_BOT_FIELDS } from '@/features/apply/anti-bot/fields';
import { SOURCE_FIELDS } from './source-fields';

/** Messages by form field name: the common fields and the posting's question fields (`q_<id>`). */
export type FieldErrors = Partial<Record<string, string[]>>;
/** What the candidate typed, to put back after an error; never the file. */
export type KeptValues = Partial<Record<string, string | string[]>>;

/**
 * What the apply action returns when it does not send the candidate on to the confirmation page: the form
 * renders it, with or without JavaScript.
 */
export type ApplyState =
  { status: 'idle' } | { status: 'error'; errors: FieldErrors; message?: string; values: KeptValues };

export const initialApplyState: ApplyState = { status: 'idle' };

// Never put back: the posting, anti-bot and source fields travel on their own; React's fields start with `$`.
const NOT_KEPT = new Set(['slug', ...ANTI_BOT_FIELDS, ...SOURCE_FIELDS]);

/**
 * What the candidate typed, to fill the form again after an error: every text field (several values for a
 * group of checkboxes), never a file. Used by the server action and by the browser when a request fails.
 */
export function keptValues(form: FormData): KeptValues {
  const kept: KeptValues = {};
  let fields = 0;
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$') || NOT_KEPT.has(key)) continue;
    // A script may send thousands of fields or megabytes of text; none of it needs echoing in full.
    if (++fields > 100) break;
    const texts = form
      .getAll(key)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.slice(0, 20_000));
    if (texts.length) kept[key] = texts.length > 1 ? texts : texts[0];
  }
  return kept;
}
