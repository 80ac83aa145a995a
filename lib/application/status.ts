// Where an application stands in the hiring pipeline. The database, the admin's forms and every label read
// these; nothing else lists them.

export const STATUS_LABELS = {
  new: 'New',
  reviewing: 'Reviewing',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
} as const;

export type ApplicationStatus = keyof typeof STATUS_LABELS;

/** In pipeline order. */
export const APPLICATION_STATUSES = Object.keys(STATUS_LABELS) as [ApplicationStatus, ...ApplicationStatus[]];
