import * as z from 'zod/mini';
import type { Question } from '@/lib/content/posting-schema';
import { answerField } from './answer-field';
import { CONTROL, DIRECTION_CONTROL } from './text-rules';

// The extra questions a posting asks (front matter `questions:`) become fields of the same zod/mini
// schema in the browser and on the server. Only the type is imported from the content schema.

export type { Question };
export type Answer = { id: string; label: string; type: Question['type']; answer: string | string[] };

const NEWLINE = /[\r\n]/;

export function answerSchema(q: Question) {
  const schema = baseAnswerSchema(q);
  return q.required ? schema : z.optional(schema);
}

function baseAnswerSchema(q: Question) {
  // Named, so that the error summary says which question, as GOV.UK's messages do.
  const short = q.label.length > 60 ? `${q.label.slice(0, 57).trimEnd()}…` : q.label;
  const missing =
    q.type === 'multiple_choice' || q.type === 'single_choice' || q.type === 'yes_no'
      ? `Choose an answer to “${short}”`
      : `Answer “${short}”`;
  const text = (max: number, singleLine: boolean) =>
    z.string(missing).check(
      z.trim(),
      z.minLength(1, missing),
      z.maxLength(max, `Your answer must be ${max.toLocaleString('en')} characters or fewer`),
      z.refine(
        (v) => !CONTROL.test(v) && !DIRECTION_CONTROL.test(v),
        'Your answer must not contain control characters',
      ),
      z.refine((v) => !singleLine || !NEWLINE.test(v), 'Your answer must be on one line'),
    );
  switch (q.type) {
    case 'short_text':
      return text(q.maxLength ?? 200, true);
    case 'long_text':
      return text(q.maxLength ?? 5_000, false);
    case 'yes_no':
      return z.enum(['yes', 'no'], missing);
    case 'single_choice':
      return z.enum(q.options as [string, ...string[]], 'Choose one of the options given');
    case 'multiple_choice':
      return z.array(z.enum(q.options as [string, ...string[]], 'Choose from the options given'), missing).check(
        z.minLength(
          q.required ? Math.max(1, q.min ?? 1) : (q.min ?? 0),
          q.min && q.min > 1 ? `Choose at least ${q.min} options` : missing,
        ),
        z.maxLength(q.max ?? q.options!.length, `Choose at most ${q.max ?? q.options!.length} options`),
        z.refine((v) => new Set(v).size === v.length, 'Choose each option once'),
      );
    case 'url':
      return text(2_000, true).check(
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: 'Enter a web address that starts with https:// or http://',
        }),
      );
    case 'number':
      return text(30, true).check(
        z.regex(/^-?\d+(\.\d+)?$/, 'Enter a number, like 3 or 2.5'),
        z.refine((v) => q.min === undefined || Number(v) >= q.min, `Enter a number of ${q.min} or more`),
        z.refine((v) => q.max === undefined || Number(v) <= q.max, `Enter a number of ${q.max} or less`),
      );
  }
}

/** The answers in the order the posting asks them, with the question's label as it was when asked. */
export function collectAnswers(questions: readonly Question[], parsed: Record<string, unknown>): Answer[] {
  return questions.flatMap((q) => {
    const answer = parsed[answerField(q.id)];
    if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) return [];
    return [{ id: q.id, label: q.label, type: q.type, answer: answer as string | string[] }];
  });
}
