/** Counts above this are shown as "10,000+" when they must be counted (search, date range) rather than read. */
export const COUNT_CAP = 10_000;

export const formatCount = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en')}+` : n.toLocaleString('en'));
