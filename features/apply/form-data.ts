import { ANTI_BOT_FIELDS } from '@/features/apply/anti-bot/fields';
import { answerField } from './answer-field';
import type { Question } from './questions';
import { APPLICATION_FIELDS, OPTIONAL_FIELDS } from './schema';
import { SOURCE_FIELDS } from './source-fields';

/**
 * Turns the submitted form into the schema's input, the same way in the browser and on the server:
 * one value per field (a repeated field is refused rather than silently picking one), empty optional
 * fields become undefined, an empty file input becomes "no file".
 */
export function readApplicationForm(form: FormData, questions: readonly Question[] = []): Record<string, unknown> {
  // One value, or all of them when a field is repeated, so the schema refuses it instead of picking one.
  const one = (name: string): unknown => {
    const values = form.getAll(name);
    return values.length > 1 ? values : values[0];
  };
  const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';
  const input: Record<string, unknown> = {};
  for (const q of questions) {
    const name = answerField(q.id);
    if (q.type === 'multiple_choice') {
      const chosen = form.getAll(name).filter((v) => v !== '');
      input[name] = chosen.length ? chosen : undefined;
    } else {
      const value = one(name);
      input[name] = blank(value) ? undefined : value;
    }
  }
  for (const field of APPLICATION_FIELDS) {
    const value = one(field);
    // An empty file input arrives as a nameless, empty file (named "blob" by some parsers).
    const noFile =
      isBlob(value) && value.size === 0 && (!('name' in value) || value.name === '' || value.name === 'blob');
    input[field] = noFile || (blank(value) && OPTIONAL_FIELDS.has(field)) ? undefined : value;
  }
  return input;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** Fields sent more than once: a browser never does this, so it is refused rather than guessed at. */
export function repeatedFields(form: FormData, questions: readonly Question[] = []): string[] {
  const single = [
    ...APPLICATION_FIELDS,
    ...questions.filter((q) => q.type !== 'multiple_choice').map((q) => answerField(q.id)),
  ];
  return single.filter((field) => form.getAll(field).length > 1);
}

/** Field names our form never sends: a script's extra fields are refused, not ignored. */
export function unknownFields(form: FormData, questions: readonly Question[] = []): string[] {
  // Besides the schema's fields and the posting's answers, the form sends the anti-bot fields, where the
  // candidate came from, and React's `$ACTION_…` fields.
  const known = new Set<string>([
    ...APPLICATION_FIELDS,
    ...ANTI_BOT_FIELDS,
    ...SOURCE_FIELDS,
    ...questions.map((q) => answerField(q.id)),
  ]);
  return [...new Set(form.keys())].filter((name) => !known.has(name) && !name.startsWith('$ACTION_'));
}
