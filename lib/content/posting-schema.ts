import { z } from 'zod';

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
});

export type PostingFrontMatter = z.infer<typeof postingFrontMatterSchema>;
