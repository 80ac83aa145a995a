import { site } from '@/lib/site';

// Next merges metadata shallowly: a page that sets `alternates` (for its canonical URL) must repeat these.
export const feedLinks = {
  'application/rss+xml': [{ url: '/careers/feed.xml', title: `Open positions at ${site.companyName} (RSS)` }],
  'application/feed+json': [{ url: '/careers/feed.json', title: `Open positions at ${site.companyName} (JSON Feed)` }],
};
