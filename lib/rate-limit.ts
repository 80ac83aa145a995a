/** At most `limit` requests per key in each window of `windowMs` (counted by db/rate-limit.ts). */
export type RateLimit = { limit: number; windowMs: number };

/** APPLY_RATE_LIMIT="30/60" means 30 submissions per address per 60 seconds (the default). */
export function parseRateLimit(
  value: string | undefined,
  fallback: RateLimit = { limit: 30, windowMs: 60_000 },
): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  // A zero count or window is no limit at all: nonsense too.
  if (!match || Number(match[1]) === 0 || Number(match[2]) === 0) return fallback;
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
