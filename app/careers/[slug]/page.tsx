import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostingBody } from '@/components/posting/posting-body';
import { PostingHeader } from '@/components/posting/posting-header';
import { CommonSection } from '@/components/posting/common-section';
import { getPosting, listPostings } from '@/lib/content';
import { site } from '@/lib/site';
import { submitApplication } from './actions';

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
  return {
    title: `${posting.title} · Careers at ${site.shortName}`,
    description: [posting.category, posting.location, posting.remote ? 'Remote' : null].filter(Boolean).join(' · '),
  };
}

export default async function PostingPage({ params }: Params) {
  const posting = await getPosting((await params).slug);
  if (!posting) notFound();
  return (
    <article className="posting">
      <PostingHeader posting={posting} />
      <div className="prose">
        <PostingBody posting={posting} applyAction={submitApplication} />
        {posting.sections.includes('apply-now') ? null : (
          <CommonSection name="apply-now" posting={posting} applyAction={submitApplication} />
        )}
      </div>
    </article>
  );
}
