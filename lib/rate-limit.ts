/**
 * A fixed-window counter per key, in memory: enough for one self-hosted server process. Used to answer a
 * flood of applications from one address with 429 before any parsing or storage happens.
 */
export type RateLimit = { limit: number; windowMs: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly policy: RateLimit) {}

  /** Counts one hit; returns 0 when allowed, else the seconds until the key may try again. */
  hit(key: string, now = Date.now()): number {
    const { limit, windowMs } = this.policy;
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > limit ? Math.ceil((window.start + windowMs - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.policy.windowMs) this.windows.delete(key);
    }
  }
}

/** APPLY_RATE_LIMIT="30/60" means 30 submissions per address per 60 seconds (the default). */
export function parseRateLimit(
  value: string | undefined,
  fallback: RateLimit = { limit: 30, windowMs: 60_000 },
): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  if (!match) return fallback;
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
