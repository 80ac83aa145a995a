/** The company behind the careers site. Edit here; SITE_URL and PRIVACY_URL come from the environment. */
export const site = {
  companyName: 'Meridian Data Exchange',
  shortName: 'Meridian',
  tagline: 'The marketplace where companies buy and sell data.',
  /** Public address of this careers site: every canonical URL, feed and sitemap entry starts with it. */
  url: (process.env.SITE_URL || 'http://localhost:3000').replace(/\/$/, ''),
  /** The company's main website, for schema.org `sameAs`. */
  homepage: 'https://meridian.example',
  /** Served from public/. */
  logoPath: '/logo.svg',
  privacyUrl: process.env.PRIVACY_URL || '/privacy',
  contactEmail: 'careers@meridian.example',
  /** Where a posting without a `location` is based: the head office. */
  headquarters: { addressLocality: 'Amsterdam', addressCountry: 'NL' },
  /** The team's time zone: where interview times are proposed unless they choose another (SITE_TIME_ZONE). */
  timeZone: process.env.SITE_TIME_ZONE || 'Europe/Amsterdam',
} as const;

export const absoluteUrl = (path: string) =>
  /^https?:\/\//.test(path) ? path : `${site.url}${path.startsWith('/') ? '' : '/'}${path}`;
