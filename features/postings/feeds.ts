import { absoluteUrl, site } from '@/lib/site';
import type { PublicPosting } from './public-posting';
import { cdata, escapeXml } from './xml';

const summary = (p: PublicPosting) => [p.category, p.location, p.remote ? 'Remote' : null].filter(Boolean).join(' · ');

/** RSS 2.0 of open postings, newest first. */
export function rssFeed(postings: readonly PublicPosting[], now = new Date()): string {
  const items = postings
    .map(
      (p) => `    <item>
      <title>${escapeXml(p.title)}</title>
      <link>${escapeXml(p.url)}</link>
      <guid isPermaLink="true">${escapeXml(p.url)}</guid>
      <pubDate>${new Date(p.datePosted).toUTCString()}</pubDate>
      <category>${escapeXml(p.category)}</category>
      <description>${cdata(`<p>${escapeXml(summary(p))}</p>${p.html}`)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`Open positions at ${site.companyName}`)}</title>
    <link>${escapeXml(absoluteUrl('/careers'))}</link>
    <atom:link href="${escapeXml(absoluteUrl('/careers/feed.xml'))}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(site.tagline)}</description>
    <language>en</language>
    <lastBuildDate>${now.toUTCString()}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of open postings, newest first. */
export function jsonFeed(postings: readonly PublicPosting[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Open positions at ${site.companyName}`,
    home_page_url: absoluteUrl('/careers'),
    feed_url: absoluteUrl('/careers/feed.json'),
    description: site.tagline,
    icon: absoluteUrl(site.logoPath),
    language: 'en',
    items: postings.map((p) => ({
      id: p.url,
      url: p.url,
      title: p.title,
      content_html: p.html,
      summary: summary(p),
      date_published: new Date(p.datePosted).toISOString(),
      date_modified: p.updatedAt,
      tags: [p.category, ...(p.remote ? ['Remote'] : [])],
      _careers: {
        location: p.location,
        employmentType: p.employmentType,
        validThrough: p.validThrough,
        applyUrl: p.applyUrl,
      },
    })),
  };
}
