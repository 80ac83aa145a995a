// Times in a stage are kept as a histogram (the pipeline_durations table, filled by the triggers of migration
// 0011), so a median over any period reads a few hundred rows whatever the number of applications. Bucket b holds
// the durations of m minutes with floor(4·log2(1 + m)) = b: each is 19 % wider than the one before, so a median
// read from them is within 19 % of the exact one (interpolated inside its bucket, usually much closer).

const MINUTE_MS = 60_000;

/** The bucket of a duration, as the triggers compute it. */
export const bucketOf = (ms: number) => Math.floor(4 * Math.log2(1 + Math.max(0, ms) / MINUTE_MS));

/** The minutes bucket `b` starts and ends at. */
export const bucketBounds = (b: number): [number, number] => [2 ** (b / 4) - 1, 2 ** ((b + 1) / 4) - 1];

/** The median in minutes of a histogram ({bucket, count} rows, any order), or null when it is empty. */
export function medianMinutes(histogram: readonly { bucket: number; count: number }[]): number | null {
  const sorted = [...histogram].filter((row) => row.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return null;
  const half = total / 2;
  let before = 0;
  for (const { bucket, count } of sorted) {
    if (before + count >= half) {
      const [low, high] = bucketBounds(bucket);
      return low + (high - low) * ((half - before) / count);
    }
    before += count;
  }
  return null;
}

/** A duration as a person reads it: minutes, hours or days, to two significant figures past an hour. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} hours`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}
