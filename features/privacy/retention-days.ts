function wholeDays(name: string, setting: string | undefined, fallback: number): number {
  const days = setting ? Number(setting) : fallback;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`${name} must be a whole number of days, 1 or more; got "${setting}"`);
  }
  return days;
}

/** RETENTION_DAYS (default 365): how long an application is kept after its status became final. */
export const retentionDays = (setting = process.env.RETENTION_DAYS) => wholeDays('RETENTION_DAYS', setting, 365);

/**
 * AUDIT_RETENTION_DAYS (default 730): how long the audit log keeps an entry. Entries outlive the erasure of
 * the application they are about (they name it by number, never the person), so they end too.
 */
export const auditRetentionDays = (setting = process.env.AUDIT_RETENTION_DAYS) =>
  wholeDays('AUDIT_RETENTION_DAYS', setting, 730);

/** ALERTS_RETENTION_DAYS (default 365): how long a job alert lives after it was last confirmed, kept or changed. */
export const alertsRetentionDays = (setting = process.env.ALERTS_RETENTION_DAYS) =>
  wholeDays('ALERTS_RETENTION_DAYS', setting, 365);
