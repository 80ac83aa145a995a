import { z } from 'zod';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import {
  RATING_LABELS,
  RATINGS,
  type AttributeRating,
  type Overall,
  type Rating,
  type ScorecardAttribute,
} from '@/lib/scorecard';

// The scorecard form's one shape, built from the posting's attributes: the browser checks it before sending,
// the data layer (features/scorecards/queries.ts) checks it again against the posting's attributes as they are now.

const RATING_VALUES = RATINGS.map(String) as ['1', '2', '3', '4'];
/** The overall choices as posted: a rating, or "none" for no decision. */
export const OVERALL_VALUES = [...RATING_VALUES, 'none'] as const;
export const NO_DECISION = 'none';

const labels = RATINGS.map((rating) => RATING_LABELS[rating]);
const choices = `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
const missing = (input: unknown) => input === undefined || input === null || input === '';

/** The form's values, as posted: each attribute's choice under its field name, the overall choice, the note. */
export type ScorecardValues = { ratings: Record<string, unknown>; overall?: unknown; note?: unknown };

/** What was wrong, by form field name (`rating:<attribute>`, `overall`, `note`, or `ratings` for the card). */
export type ScorecardErrors = Partial<Record<string, string>>;

export type ScorecardCard = { ratings: AttributeRating[]; overall: Overall; note: string | null };

/** The field name of an attribute's radios: the attribute's own name, so a reordered list still lines up. */
export const ratingField = (attribute: string) => `rating:${attribute}`;

export function scorecardSchema(attributes: readonly ScorecardAttribute[]) {
  const rating = (name: string) =>
    z
      .enum(RATING_VALUES, {
        error: (issue) => (missing(issue.input) ? `Rate ${name}` : `Rate ${name} as ${choices}`),
      })
      .transform((value) => Number(value) as Rating);
  const ratings = z.strictObject(Object.fromEntries(attributes.map((a) => [a.name, rating(a.name)])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `This posting’s scorecard has changed (${issue.keys.join(', ')} is no longer on it): reload the page and rate again`
        : undefined,
  });
  return z
    .object({
      ratings,
      overall: z
        .enum(OVERALL_VALUES, {
          error: (issue) =>
            missing(issue.input)
              ? 'Choose an overall recommendation, or No decision'
              : `Choose an overall recommendation: ${labels.join(', ')} or No decision`,
        })
        .transform((value): Overall => (value === NO_DECISION ? null : (Number(value) as Rating))),
      note: z
        .string({ error: 'The note must be text' })
        .trim()
        .max(NOTE_MAX_CHARS, `Keep the note to ${NOTE_MAX_CHARS.toLocaleString('en')} characters`)
        .nullish()
        .transform((note) => note || null),
    })
    .transform(({ ratings: given, overall, note }): ScorecardCard => ({
      ratings: attributes.map((a) => ({ attribute: a.name, rating: given[a.name]! })),
      overall,
      note,
    }));
}

/** Each problem under the field it belongs to (the first problem of each). */
export function scorecardErrors(error: z.ZodError): ScorecardErrors {
  const errors: ScorecardErrors = {};
  for (const issue of error.issues) {
    const [field, attribute] = issue.path;
    const key =
      field === 'ratings' && typeof attribute === 'string' ? ratingField(attribute) : String(field ?? 'ratings');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The values of a posted form: every `rating:<attribute>` field, the overall choice, the note. */
export function scorecardValues(form: FormData): ScorecardValues {
  const ratings: Record<string, unknown> = Object.create(null);
  for (const [key, value] of form.entries()) {
    if (key.startsWith('rating:') && typeof value === 'string') ratings[key.slice('rating:'.length)] = value;
  }
  return { ratings, overall: form.get('overall'), note: form.get('note') };
}
