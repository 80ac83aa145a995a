// Interviews' kinds and states, shared by the schema, the forms and the pages.

export const INTERVIEW_KINDS = ['video', 'phone', 'on_site'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  video: 'Video call',
  phone: 'Phone call',
  on_site: 'On site',
};

/** Proposed: times offered, none chosen yet. Booked: a time chosen. Cancelled: by the team or the candidate. */
export const INTERVIEW_STATUSES = ['proposed', 'booked', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
