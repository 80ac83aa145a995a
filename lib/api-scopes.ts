// What an API token may do, with the words the admin shows for each.

export const API_SCOPE_LABELS = {
  'applications:read': 'Read applications, their answers and resumes',
  'applications:write': 'Change an application’s status',
  'postings:read': 'Read the postings, with their questions',
} as const;

export type ApiScope = keyof typeof API_SCOPE_LABELS;

export const API_SCOPES = Object.keys(API_SCOPE_LABELS) as [ApiScope, ...ApiScope[]];
