import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AlertSignup } from '@/features/alerts/components/alert-signup';
import { alertFacets } from '@/features/alerts/facets';
import { submitApplication } from '@/features/apply/actions';
import { ApplySection } from '@/features/apply/components/apply-section';
import { JobPostingJsonLd } from '@/features/postings/components/job-posting-json-ld';
import { PostingBody } from '@/features/postings/components/posting-body';
import { PostingHeader } from '@/features/postings/components/posting-header';
import { feedLinks } from '@/features/postings/feed-links';
import { getPosting, getPostingSummary, listPostings } from '@/lib/content';
import { acceptsApplications } from '@/lib/content/posting';
import { site } from '@/lib/site';

type Params = { params: Promise<{ slug: string }> };

// Postings are built once; an unknown slug is a 404, not a render. The hourly revalidation lets a posting
// past its validThrough say so without a rebuild (the action refuses late applications either way).
export const dynamicParams = false;
export const revalidate = 3600;

export async function generateStaticParams() {
  return (await listPostings()).map((p) => ({ slug: p.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const posting = await getPosting((await params).slug);
  if (!posting) return {};
  const title = `${posting.title} · Careers at ${site.shortName}`;
  const description = await getPostingSummary(posting);
  const url = `/careers/${posting.slug}`;
  return {
    title,
    description,
    alternates: { canonical: url, types: feedLinks },
    openGraph: { type: 'website', url, title, description, siteName: `${site.companyName} Careers` },
    twitter: { card: 'summary', title, description },
    // A closed posting stays reachable for people who follow old links, but leaves search indexes.
    robots: acceptsApplications(posting) ? undefined : { index: false },
  };
}

export default async function PostingPage({ params }: Params) {
  const posting = await getPosting((await params).slug);
  if (!posting) notFound();
  return (
    <article className="posting">
      <JobPostingJsonLd posting={posting} />
      <PostingHeader posting={posting} />
      <div className="prose">
        <PostingBody posting={posting} form={<ApplySection posting={posting} action={submitApplication} />} />
      </div>
      <AlertSignup facets={await alertFacets()} category={posting.category} />
    </article>
  );
}
