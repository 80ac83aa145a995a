import type { Metadata } from 'next';
import { AlertSignup } from '@/features/alerts/components/alert-signup';
import { alertFacets } from '@/features/alerts/facets';
import { PostingFilters } from '@/features/postings/components/posting-filters';
import { PostingList } from '@/features/postings/components/posting-list';
import { feedLinks } from '@/features/postings/feed-links';
import { listPostings } from '@/lib/content';
import { acceptsApplications, groupByCategory, matchesQuery } from '@/lib/content/posting';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  title: `Careers at ${site.shortName}`,
  description: site.tagline,
  // Filtered views are the same page: search engines index the unfiltered listing.
  alternates: { canonical: '/careers', types: feedLinks },
  openGraph: { type: 'website', url: '/careers', title: `Careers at ${site.shortName}`, description: site.tagline },
  twitter: { card: 'summary', title: `Careers at ${site.shortName}`, description: site.tagline },
};

type Props = { searchParams: Promise<{ category?: string | string[]; q?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? '';

export default async function CareersPage({ searchParams }: Props) {
  const params = await searchParams;
  const category = first(params.category);
  const q = first(params.q);
  // Closed postings keep their page (links to them still work) but leave the listing; drafts show only in development.
  const all = (await listPostings()).filter((p) => p.status === 'draft' || acceptsApplications(p));
  const categories = [...new Set(all.map((p) => p.category))].sort((a, b) => a.localeCompare(b, 'en'));
  const shown = all.filter((p) => (!category || p.category === category) && (!q || matchesQuery(p, q)));
  return (
    <>
      <header className="page-header">
        <h1>Careers at {site.shortName}</h1>
        <p className="lede">{site.tagline} Join us to build it.</p>
      </header>
      <PostingFilters categories={categories} category={category} q={q} />
      <PostingList groups={groupByCategory(shown)} total={all.length} filtered={Boolean(category || q)} />
      <AlertSignup facets={await alertFacets()} category={category} />
    </>
  );
}
