import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/content/posting';

/** The periods the dashboard offers, in days: a month, a quarter, a year. */
export const PERIOD_DAYS = [30, 90, 365] as const;
export const PERIOD_LABELS: Record<(typeof PERIOD_DAYS)[number], string> = {
  30: 'Last 30 days',
  90: 'Last 90 days',
  365: 'Last 12 months',
};

/** The dashboard's view, as it lives in the URL (`?posting=…&days=…`). */
export const dashboardQuerySchema = z.object({
  posting: z.string().max(200).regex(SLUG_PATTERN).optional(),
  days: z
    .string()
    .regex(/^[1-9]\d{0,2}$/)
    .transform(Number)
    .pipe(z.literal(PERIOD_DAYS))
    .default(30),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

type RawParams = Record<string, string | string[] | undefined>;

/**
 * The view the URL asks for, each value checked on its own: one that is not valid is left out (the default is
 * used) and named in `ignored`, so the page says so instead of failing.
 */
export function readDashboardQuery(params: RawParams): { query: DashboardQuery; ignored: ('posting' | 'days')[] } {
  const query: DashboardQuery = { days: 30 };
  const ignored: ('posting' | 'days')[] = [];
  for (const key of ['posting', 'days'] as const) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = dashboardQuerySchema.shape[key].safeParse(value);
    if (parsed.success) Object.assign(query, { [key]: parsed.data });
    else ignored.push(key);
  }
  return { query, ignored };
}
