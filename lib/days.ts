// UTC days as whole numbers since 1970-01-01: the dashboard's rollups are keyed by them (migration 0011's
// triggers compute the same number from created_at).

export const DAY_MS = 86_400_000;

/** The UTC day number of an instant in milliseconds. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** A UTC day number as YYYY-MM-DD. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
