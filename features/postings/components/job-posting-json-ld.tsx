import { jobPostingJsonLd, serializeJsonLd } from '@/features/postings/job-posting';
import { getPostingHtml } from '@/lib/content';
import type { Posting } from '@/lib/content/posting';

/** Structured data for job search engines; nothing for a closed or draft posting. */
export async function JobPostingJsonLd({ posting }: { posting: Posting }) {
  const data = jobPostingJsonLd(posting, await getPostingHtml(posting));
  if (!data) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
