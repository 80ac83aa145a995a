/** The company behind the careers site. Edit here; SITE_URL and PRIVACY_URL come from the environment. */
export const site = {
  companyName: 'Meridian Data Exchange',
  shortName: 'Meridian',
  tagline: 'The marketplace where companies buy and sell data.',
  url: (process.env.SITE_URL || 'http://localhost:3000').replace(/\/$/, ''),
  privacyUrl: process.env.PRIVACY_URL || '/privacy',
  contactEmail: 'careers@meridian.example',
} as const;
