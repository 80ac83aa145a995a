/** RETENTION_DAYS (default 365): how long an application is kept after its status became final. */
export function retentionDays(setting = process.env.RETENTION_DAYS): number {
  const days = setting ? Number(setting) : 365;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`RETENTION_DAYS must be a whole number of days, 1 or more; got "${setting}"`);
  }
  return days;
}
