import type pg from 'pg';

// The PostgreSQL pools open in this process, by name, for /metrics. Held on globalThis: Next's server bundles and
// server.ts's own (the worker, the metrics) each load this module separately, and the scrape must see them all.
const registry = ((globalThis as unknown as { careersPools?: Map<pg.Pool, string> }).careersPools ??= new Map());

export function registerPool(pool: pg.Pool, name: string): () => void {
  registry.set(pool, name);
  return () => registry.delete(pool);
}

/** Each pool's connections: open, idle among them, and requests waiting for one (pools of a name are summed). */
export function poolStats(): { name: string; total: number; idle: number; waiting: number }[] {
  const byName = new Map<string, { name: string; total: number; idle: number; waiting: number }>();
  for (const [pool, name] of registry) {
    const stats = byName.get(name) ?? { name, total: 0, idle: 0, waiting: 0 };
    stats.total += pool.totalCount;
    stats.idle += pool.idleCount;
    stats.waiting += pool.waitingCount;
    byName.set(name, stats);
  }
  return [...byName.values()];
}
