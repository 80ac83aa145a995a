import { z } from 'zod';
import { APPLICATION_STATUSES } from '@/lib/application/status';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/** The inbox view, as it lives in the URL. Bad values are dropped rather than failing the page. */
export const inboxFilterSchema = z.object({
  posting: z
    .string()
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export type InboxFilter = z.infer<typeof inboxFilterSchema>;
export const FILTER_KEYS = ['posting', 'status', 'from', 'to', 'q'] as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === '' ? undefined : one;
}

export function parseInboxFilter(params: RawParams): InboxFilter {
  const raw = Object.fromEntries(FILTER_KEYS.map((key) => [key, first(params, key)]));
  const parsed = inboxFilterSchema.parse(raw);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined && v !== '')) as InboxFilter;
}

/** A positive id cursor from `?before=`, or undefined. */
export function parseCursor(params: RawParams, key = 'before'): number | undefined {
  const value = first(params, key);
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}

/** The filter as a query string (without `?`), with optional extras such as the page cursor. */
export function filterQuery(filter: InboxFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** Day boundaries in UTC milliseconds: `from` inclusive, `to` inclusive of the whole day. */
export function dayRange(filter: InboxFilter): { fromMs?: number; toMs?: number } {
  return {
    fromMs: filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : undefined,
    toMs: filter.to ? Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000 : undefined,
  };
}

/**
 * Free text as an FTS5 query: each word becomes a quoted prefix term, so operators and punctuation in
 * the input are searched for as text and can never form FTS5 syntax. Empty when nothing is searchable.
 */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 10)
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
    .join(' ');
}
