// Where a candidate came from, as stored with the application.

export type ApplicationSource = {
  /** `?src=` or `utm_source`, else the referring site's host; null when nothing says. */
  source: string | null;
  medium: string | null;
  campaign: string | null;
  /** The referring page's origin (never its path or query, which can carry someone else's data). */
  referrer: string | null;
};
