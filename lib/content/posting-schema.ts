import { z } from 'zod';
import { SCORECARD_MAX_ATTRIBUTES, SCORECARD_NAME_MAX, SCORECARD_HINT_MAX } from '@/lib/scorecard';
import { SLUG_PATTERN } from './posting';

/** Google's JobPosting employment types, so the front matter maps straight onto structured data. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
] as const;

export const POSTING_STATUSES = ['open', 'draft', 'closed'] as const;

// YAML turns `2026-11-02` into a string with the core schema; accept a date or a full ISO date-time.
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date like 2026-11-02 or a date-time like 2026-11-02T09:00:00Z',
});

const salarySchema = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as EUR or USD'),
    min: z.number().positive().optional(),
    max: z.number().positive().optional(),
    unit: z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']),
  })
  .refine((s) => s.min !== undefined || s.max !== undefined, 'expected at least one of min and max')
  .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, 'min must not exceed max');

export const QUESTION_TYPES = ['short_text', 'long_text', 'yes_no', 'single_choice', 'multiple_choice', 'url', 'number'] as const;

const CHOICE_TYPES = new Set(['single_choice', 'multiple_choice']);

export const questionSchema = z
  .strictObject({
    id: z
      .string({ error: 'expected an id such as notice-period' })
      .regex(SLUG_PATTERN, 'expected lowercase letters, digits and hyphens, like notice-period'),
    label: z.string({ error: 'expected the question as text' }).trim().min(1, 'expected the question as text'),
    hint: z.string().trim().min(1).optional(),
    type: z.enum(QUESTION_TYPES, { error: `expected one of ${QUESTION_TYPES.join(', ')}` }),
    required: z.boolean({ error: 'expected true or false' }).default(false),
    options: z.array(z.string().trim().min(1).max(200)).min(2, 'expected at least two options').max(50).optional(),
    /** Characters for text answers. */
    maxLength: z.number().int().positive().max(20_000).optional(),
    /** Bounds for number answers; the number of choices for multiple choice. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((q, ctx) => {
    if (CHOICE_TYPES.has(q.type) && !q.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question needs a list of options` });
    }
    if (!CHOICE_TYPES.has(q.type) && q.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `only single_choice and multiple_choice questions take options` });
    }
    if (q.options && new Set(q.options).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be different from each other' });
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
    }
    if ((q.min !== undefined || q.max !== undefined) && q.type !== 'number' && q.type !== 'multiple_choice') {
      ctx.addIssue({ code: 'custom', path: [q.min !== undefined ? 'min' : 'max'], message: 'only number and multiple_choice questions take min and max' });
    }
    if (q.type === 'multiple_choice' && q.options) {
      const count = q.options.length;
      for (const key of ['min', 'max'] as const) {
        const value = q[key];
        if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > count)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `expected a whole number of options between 0 and ${count}` });
        }
      }
    }
    if (q.maxLength !== undefined && !['short_text', 'long_text'].includes(q.type)) {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'only text questions take maxLength' });
    }
  });

export type Question = z.infer<typeof questionSchema>;

const scorecardAttributeSchema = z.strictObject({
  name: z
    .string({ error: 'expected the attribute\'s name as text, such as Communication' })
    .trim()
    .min(1, 'expected the attribute\'s name as text, such as Communication')
    .max(SCORECARD_NAME_MAX, `expected a name of at most ${SCORECARD_NAME_MAX} characters`),
  hint: z
    .string({ error: 'expected a hint as text: what the team looks for' })
    .trim()
    .min(1, 'expected a hint as text: what the team looks for')
    .max(SCORECARD_HINT_MAX, `expected a hint of at most ${SCORECARD_HINT_MAX} characters`),
});

/** What the team rates each application on; absent, DEFAULT_SCORECARD (lib/scorecard.ts). */
const scorecardSchema = z
  .array(scorecardAttributeSchema, { error: 'expected a list of attributes, each with a name and a hint' })
  .min(1, 'expected at least one attribute (leave scorecard out for the default set)')
  .max(SCORECARD_MAX_ATTRIBUTES, `expected at most ${SCORECARD_MAX_ATTRIBUTES} attributes`)
  .superRefine((attributes, ctx) => {
    const seen = new Set<string>();
    attributes.forEach((attribute, i) => {
      // Cards keep the name they were rated under: two attributes named alike could not be told apart.
      const key = attribute.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate attribute name "${attribute.name}"` });
      seen.add(key);
    });
  });

export const postingFrontMatterSchema = z.strictObject({
  title: z.string({ error: 'expected the job title as text' }).trim().min(1, 'expected a non-empty title'),
  position: z
    .number({ error: 'expected an integer: the order of the posting within its category' })
    .int('expected an integer: the order of the posting within its category')
    .min(0, 'expected zero or a positive integer'),
  category: z.string({ error: 'expected the category name as text' }).trim().min(1, 'expected a non-empty category'),
  location: z.string().trim().min(1).optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).optional(),
  department: z.string().trim().min(1).optional(),
  remote: z.boolean({ error: 'expected true or false' }).default(false),
  datePosted: isoDate.optional(),
  validThrough: isoDate.optional(),
  salary: salarySchema.optional(),
  status: z.enum(POSTING_STATUSES).default('open'),
  questions: z
    .array(questionSchema)
    .max(30, 'expected at most 30 questions')
    .default([])
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id "${q.id}"` });
        seen.add(q.id);
      });
    }),
  /** Who hears of each new application (and, in the admin area, the posting's team). */
  hiringTeam: z
    .array(z.email({ error: 'expected an email address' }).transform((address) => address.trim().toLowerCase()), {
      error: 'expected a list of email addresses',
    })
    .max(50, 'expected at most 50 addresses')
    .default([]),
  scorecard: scorecardSchema.optional(),
});

export type PostingFrontMatter = z.infer<typeof postingFrontMatterSchema>;
