import { z } from 'zod';
import { inboxFilterSchema } from '@/features/inbox/filter';
import { POSTING_STATUSES, questionSchema } from '@/lib/content/posting-schema';
import { rowId } from '@/lib/row-id';
import { APPLICATION_STATUSES } from '@/lib/status';

// The shapes /api/v1 answers with and accepts: the handlers build their answers typed from these, and the
// OpenAPI document (features/api/openapi.ts) is generated from the same schemas.

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem; about:blank for a plain HTTP status.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The query parameters or body fields that were refused, when that was the problem. */
    invalid: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details.' });

const posting = z.object({ slug: z.string(), title: z.string() });

export const applicationSummarySchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  email: z.string(),
  posting,
  status: z.enum(APPLICATION_STATUSES),
  createdAt: z.iso.datetime(),
  assignee: z.string().nullable().meta({ description: 'The team member assigned, by email; null when none.' }),
});

export const applicationListSchema = z.object({
  data: z.array(applicationSummarySchema),
  nextCursor: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page (older applications); null on the last page.' }),
});

const answer = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  answer: z.union([z.string(), z.array(z.string())]),
});

export const applicationSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  fullName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  profileUrl: z.string().nullable(),
  coverLetter: z.string().nullable(),
  answers: z.array(answer),
  posting,
  status: z.enum(APPLICATION_STATUSES),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  erasedAt: z.iso.datetime().nullable(),
  source: z.string().nullable(),
  resume: z
    .object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), url: z.string() })
    .nullable()
    .meta({ description: 'Null once the application is erased.' }),
  history: z.array(
    z.object({
      from: z.enum(APPLICATION_STATUSES),
      to: z.enum(APPLICATION_STATUSES),
      at: z.iso.datetime(),
    }),
  ),
});

export const statusChangeSchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES, { error: `expected one of ${APPLICATION_STATUSES.join(', ')}` }),
});

export const statusChangedSchema = z.object({
  id: z.number().int(),
  status: z.enum(APPLICATION_STATUSES),
  changed: z.boolean(),
});

export const apiPostingSchema = z.object({
  slug: z.string(),
  title: z.string(),
  status: z.enum(POSTING_STATUSES),
  category: z.string(),
  position: z.number().int(),
  location: z.string().nullable(),
  url: z.string(),
  questions: z.array(questionSchema),
});

export const postingListSchema = z.object({ data: z.array(apiPostingSchema) });

/** The list's query: the inbox's filters, and the cursor of the page before. */
export const listQuerySchema = inboxFilterSchema.extend({
  cursor: rowId.optional(),
});
