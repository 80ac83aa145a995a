/**
 * Content ships with the build, so in production whatever is computed from it is kept for the life of the
 * process; in development it is computed afresh, so an edited file shows on refresh. A failure is not kept.
 */
export function buildCache<T>() {
  const entries = new Map<string, Promise<T>>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    if (process.env.NODE_ENV === 'development') return make();
    let entry = entries.get(key);
    if (!entry) {
      entry = make();
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
    }
    return entry;
  };
}
