const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Dates in UTC, labelled as such, so every manager reads the same time whatever the server's zone. */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}
