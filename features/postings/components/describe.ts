import type { EMPLOYMENT_TYPES } from '@/lib/content/posting-schema';

/** How the listing words each employment type (the embed sends the same words to the browser). */
export const EMPLOYMENT_LABELS: Record<(typeof EMPLOYMENT_TYPES)[number], string> = {
  FULL_TIME: 'Full time',
  PART_TIME: 'Part time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
  VOLUNTEER: 'Volunteer',
  PER_DIEM: 'Per diem',
  OTHER: 'Other',
};

export const describeEmployment = (type: (typeof EMPLOYMENT_TYPES)[number]) => EMPLOYMENT_LABELS[type];
