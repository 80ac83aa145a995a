// Who may do what in the admin area. The data layer enforces it (features/staff/access.ts); pages only hide
// what a role cannot use.

export const ROLES = ['owner', 'recruiter', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  recruiter: 'Recruiter',
  reviewer: 'Reviewer',
};

/** What each role can do, as the team page and docs/admin.md say it. */
export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, and manages the team’s accounts.',
  recruiter: 'Every posting and every application.',
  reviewer: 'Only the applications to the postings they are on.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether the role sees every posting's applications (otherwise only the postings the person is on). */
export function seesEveryPosting(role: Role): boolean {
  return role !== 'reviewer';
}

/** The lesser of two roles (ROLES runs from the most to the least): an invitation grants at most its sender's. */
export const lesserRole = (a: Role, b: Role): Role => (ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b);
