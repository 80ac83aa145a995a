/** How a job alert's subscriber hears of new postings: one email per posting, or a weekly digest. */
export const ALERT_FREQUENCIES = ['instant', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
