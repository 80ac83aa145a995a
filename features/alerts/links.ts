import { absoluteUrl } from '@/lib/site';

/** The pages a job alert's emails link to, each with the subscription's token. */
export function alertLinks(token: string) {
  const q = `?token=${encodeURIComponent(token)}`;
  return {
    // The alert's own page: an unconfirmed alert shows its confirm button there.
    confirm: absoluteUrl(`/alerts/manage${q}`),
    manage: absoluteUrl(`/alerts/manage${q}`),
    unsubscribe: absoluteUrl(`/alerts/unsubscribe${q}`),
  };
}
