import { and, like, lte, sql } from 'drizzle-orm';
import type { RateLimit } from '@/lib/rate-limit';
import { sign } from '@/lib/security/hmac';
import type { Database } from './database';

/**
 * The key that counts emails of one kind to one mailbox (`kind` names the form: `access`, `reset`): a keyed
 * hash of the address, so the rate-limit table does not confirm which addresses were asked about.
 */
export const mailboxKey = (kind: string, emailKey: string) => `${kind}-mailbox:${sign('rate-limit-mailbox', emailKey)}`;

/**
 * Counts one request against `key` in a fixed window, in the database, so every instance of the site
 * shares the count; returns 0 when allowed, else the seconds until the key may try again. One atomic
 * statement: a window that has ended starts again at 1.
 */
export async function hitRateLimit({
  database,
  key,
  policy,
  now = Date.now(),
  sweep = Math.random() < 0.01,
}: {
  database: Database;
  key: string;
  policy: RateLimit;
  now?: number;
  /** Whether this call also forgets windows long over (one in a hundred, unless a test says). */
  sweep?: boolean;
}): Promise<number> {
  const { db, t } = database;
  const limits = t.rateLimits;
  const ended = sql`${limits.windowStart} <= ${sql.param(new Date(now - policy.windowMs), limits.windowStart)}`;
  const [row] = await db
    .insert(limits)
    .values({ key, windowStart: new Date(now), count: 1 })
    .onConflictDoUpdate({
      target: limits.key,
      set: {
        count: sql`CASE WHEN ${ended} THEN 1 ELSE ${limits.count} + 1 END`,
        windowStart: sql`CASE WHEN ${ended} THEN ${sql.param(new Date(now), limits.windowStart)} ELSE ${limits.windowStart} END`,
      },
    })
    .returning({ count: limits.count, windowStart: limits.windowStart });
  // Now and then, forget windows long over, so one row per address does not stay for ever: only this kind's
  // (`apply:`, `api:`…), which share this window; another kind's hour-long windows are not this one's to end.
  if (sweep) {
    const kind = `${key.slice(0, key.indexOf(':') + 1)}%`;
    await db
      .delete(limits)
      .where(and(lte(limits.windowStart, new Date(now - 2 * policy.windowMs)), like(limits.key, kind)));
  }
  if (!row || row.count <= policy.limit) return 0;
  return Math.max(1, Math.ceil((row.windowStart.getTime() + policy.windowMs - now) / 1000));
}

/**
 * Windows that ended long ago, removed by the worker every hour: no window is longer than an hour, and a key
 * can name a network address, so none outlives a day even where no request comes to tidy it.
 */
export async function deleteStaleRateLimits({
  database,
  now = Date.now(),
}: {
  database: Database;
  now?: number;
}): Promise<void> {
  const { db, t } = database;
  await db.delete(t.rateLimits).where(lte(t.rateLimits.windowStart, new Date(now - 24 * 60 * 60 * 1000)));
}
