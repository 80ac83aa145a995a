// Where an application stands in the hiring pipeline. The database, the admin's forms and every label read
// these; nothing else lists them.

export const STATUS_LABELS = {
  new: 'New',
  reviewing: 'Reviewing',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
} as const;

export type ApplicationStatus = keyof typeof STATUS_LABELS;

/** In pipeline order. */
export const APPLICATION_STATUSES = Object.keys(STATUS_LABELS) as [ApplicationStatus, ...ApplicationStatus[]];

/** The stages an application moves forward through, in order: how far each got is what the funnel counts. */
export const PIPELINE_STAGES = ['new', 'reviewing', 'interview', 'offer', 'hired'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** The stages whose time is measured (the time spent in one before leaving it), and `hire`: received to hired. */
export const DURATION_STAGES = ['new', 'reviewing', 'interview', 'offer', 'hire'] as const;
export type DurationStage = (typeof DURATION_STAGES)[number];

/** Where an application ends; the retention period counts from the moment it got there. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

export const isFinal = (status: ApplicationStatus) => FINAL_STATUSES.includes(status);

/** What a candidate is told of their application: never the team's stages or notes. */
export const CANDIDATE_STATUS: Record<ApplicationStatus, string> = {
  new: 'Received',
  reviewing: 'In review',
  interview: 'In review',
  offer: 'In review',
  hired: 'Closed',
  rejected: 'Closed',
  withdrawn: 'Withdrawn',
};

/** A status named in a URL or a form, or not. */
export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
