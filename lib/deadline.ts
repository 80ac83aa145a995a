/**
 * The promise's result, or a rejection once `ms` pass first (its timer cleared either way). What it waits for
 * keeps running: a query that must stop needs its own timeout too (db/migration-state.ts).
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
