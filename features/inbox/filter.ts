import { z } from 'zod';
import { SOURCE_MAX_CHARS } from '@/features/apply/source';
import { CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from '@/features/apply/text-rules';
import { SLUG_PATTERN } from '@/lib/content/posting';
import { APPLICATION_STATUSES } from '@/lib/status';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  });

/** The inbox view, as it lives in the URL. Each value is checked on its own; a bad one is left out. */
export const inboxFilterSchema = z.object({
  posting: z.string().max(200).regex(SLUG_PATTERN).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** As stored (features/apply/source.ts): at most 100 characters, lower case. */
  source: z.string().max(SOURCE_MAX_CHARS).toLowerCase().optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().max(200).optional(),
  /** `me`: the applications assigned to the signed-in team member. */
  assigned: z.literal('me').optional(),
});

export type InboxFilter = z.infer<typeof inboxFilterSchema>;
/** The schema's keys, in its order: the form, the URL and the counts follow them. */
export const FILTER_KEYS = inboxFilterSchema.keyof().options;
export type FilterKey = (typeof FILTER_KEYS)[number];

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

// Control and text-direction characters never belong in a filter (a NUL broke the search); they are dropped.
const UNPRINTABLE = new RegExp(`${CONTROL_OR_LINE_BREAK.source}|${DIRECTION_CONTROL.source}`, 'g');

function first(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const one = (Array.isArray(value) ? value[0] : value)?.replace(UNPRINTABLE, ' ').trim();
  return one === '' ? undefined : one;
}

/**
 * The view the URL asks for, and the filters it asked for that could not be applied (a date that is not a
 * date, an unknown status): those are left out and named, so the page can say so instead of failing.
 */
export function readInboxView(params: RawParams): { filter: InboxFilter; ignored: FilterKey[] } {
  const filter: Record<string, string> = {};
  const ignored: FilterKey[] = [];
  for (const key of FILTER_KEYS) {
    const value = first(params, key);
    if (value === undefined) continue;
    const parsed = inboxFilterSchema.shape[key].safeParse(key === 'q' ? value.slice(0, 200) : value);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
    else ignored.push(key);
  }
  return { filter: filter as InboxFilter, ignored };
}

export const parseInboxFilter = (params: RawParams): InboxFilter => readInboxView(params).filter;

/** Application ids chosen in the inbox (`ids=1&ids=2`): positive whole numbers, at most a page's worth. */
export function parseIds(values: readonly unknown[], limit = 100): number[] {
  const ids = values
    .filter((value): value is string => typeof value === 'string' && /^\d{1,15}$/.test(value))
    .map(Number)
    .filter((id) => id > 0);
  return [...new Set(ids)].slice(0, limit);
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

/**
 * The view as the audit log records it: which filters, and the values of those that cannot name anyone
 * (posting, status, dates). What was typed into the search box or the source filter is left out: it is
 * often a candidate's name or address, and the log outlives the candidate's erasure.
 */
export function auditedFilter(filter: InboxFilter): string {
  const free: Partial<Record<FilterKey, string>> = { q: 'a search', source: 'a source' };
  return FILTER_KEYS.filter((key) => filter[key])
    .map((key) => free[key] ?? `${key}=${filter[key]}`)
    .join(', ');
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
