import { answerField, type Question } from './questions';
import { APPLICATION_FIELDS, type ApplicationField } from './schema';

const OPTIONAL = new Set<ApplicationField>(['phone', 'location', 'profileUrl', 'coverLetter']);

/**
 * Turns the submitted form into the schema's input, the same way in the browser and on the server:
 * one value per field (a repeated field is refused rather than silently picking one), empty optional
 * fields become undefined, an empty file input becomes "no file".
 */
export function readApplicationForm(form: FormData, questions: readonly Question[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const q of questions) {
    const name = answerField(q.id);
    if (q.type === 'multiple_choice') {
      const chosen = form.getAll(name).filter((v) => v !== '');
      input[name] = chosen.length ? chosen : undefined;
    } else {
      const values = form.getAll(name);
      const value = values.length > 1 ? values : values[0];
      input[name] = typeof value === 'string' && value.trim() === '' ? undefined : value;
    }
  }
  for (const field of APPLICATION_FIELDS) {
    const values = form.getAll(field);
    let value: unknown = values.length > 1 ? values : values[0];
    if (typeof value === 'string' && value.trim() === '' && OPTIONAL.has(field)) value = undefined;
    // An empty file input arrives as a nameless, empty file (named "blob" by some parsers).
    if (isBlob(value) && value.size === 0 && (!('name' in value) || value.name === '' || value.name === 'blob')) value = undefined;
    input[field] = value;
  }
  return input;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** The text fields to put back into the form after an error: everything except the file. */
export function keptValues(form: FormData, questions: readonly Question[] = []): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const field of APPLICATION_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string' && field !== 'slug') kept[field] = value.slice(0, 20_000);
  }
  for (const q of questions) {
    const values = form.getAll(answerField(q.id)).filter((v): v is string => typeof v === 'string');
    if (values.length) kept[answerField(q.id)] = q.type === 'multiple_choice' ? values.map((v) => v.slice(0, 200)) : values[0]!.slice(0, 20_000);
  }
  return kept;
}

/** Fields sent more than once: a browser never does this, so it is refused rather than guessed at. */
export function repeatedFields(form: FormData, questions: readonly Question[] = []): string[] {
  const single = [...APPLICATION_FIELDS, ...questions.filter((q) => q.type !== 'multiple_choice').map((q) => answerField(q.id))];
  return single.filter((field) => form.getAll(field).length > 1);
}

// Besides the schema's fields and the posting's answers, the form sends the honeypot, the start-time
// token and React's `$ACTION_…` fields.
const FORM_EXTRAS = new Set(['website', 'startedAt']);

/** Field names our form never sends: a script's extra fields are refused, not ignored. */
export function unknownFields(form: FormData, questions: readonly Question[] = []): string[] {
  const known = new Set<string>([...APPLICATION_FIELDS, ...FORM_EXTRAS, ...questions.map((q) => answerField(q.id))]);
  return [...new Set(form.keys())].filter((name) => !known.has(name) && !name.startsWith('$ACTION_'));
}
