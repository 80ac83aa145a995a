import type { AlertFrequency } from '@/lib/alert-frequencies';

/** What a subscriber asked to hear of: null is any. The listing's own facets, chosen from lists, never typed. */
export type AlertFilters = {
  category: string | null;
  department: string | null;
  location: string | null;
  remoteOnly: boolean;
};

export type AlertChoice = AlertFilters & { frequency: AlertFrequency };

/** The facts of a posting an alert is matched on (a posting, or its announcement as kept). */
export type Announced = {
  postingSlug: string;
  title: string;
  category: string;
  department: string | null;
  location: string | null;
  remote: boolean;
};

/** Every filter set must hold; a remote-only alert takes remote postings wherever they are listed. */
export function matches(filters: AlertFilters, posting: Announced): boolean {
  return (
    (filters.category === null || filters.category === posting.category) &&
    (filters.department === null || filters.department === posting.department) &&
    (filters.location === null || filters.location === posting.location) &&
    (!filters.remoteOnly || posting.remote)
  );
}
