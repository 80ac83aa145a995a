import 'server-only';
import { listOpenPostings } from '@/lib/content';

export type AlertFacets = { categories: string[]; departments: string[]; locations: string[] };

const sorted = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, 'en'));

/** The choices the alert form lists: the teams, departments and places of the open postings. */
export async function alertFacets(): Promise<AlertFacets> {
  const open = await listOpenPostings();
  return {
    categories: sorted(open.map((p) => p.category)),
    departments: sorted(open.map((p) => p.department)),
    locations: sorted(open.map((p) => p.location)),
  };
}
