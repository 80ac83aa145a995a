/** A search or a date range counts at most this many matching rows per request; beyond, counts are lower bounds. */
export const COUNT_CAP = 10_000;

export const formatCount = (n: number, exact: boolean) => `${n.toLocaleString('en')}${exact ? '' : '+'}`;
