import type { EMPLOYMENT_TYPES } from '@/lib/content/posting-schema';

const EMPLOYMENT: Record<(typeof EMPLOYMENT_TYPES)[number], string> = {
  FULL_TIME: 'Full time',
  PART_TIME: 'Part time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
  VOLUNTEER: 'Volunteer',
  PER_DIEM: 'Per diem',
  OTHER: 'Other',
};

export const describeEmployment = (type: (typeof EMPLOYMENT_TYPES)[number]) => EMPLOYMENT[type];
