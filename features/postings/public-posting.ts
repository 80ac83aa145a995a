import { postedOn, type Posting } from '@/lib/content/posting';
import { absoluteUrl } from '@/lib/site';

/**
 * A posting as other sites see it (public API, JSON Feed): front matter, rendered HTML and the questions
 * the application form asks. Internal fields (file path, raw MDX) stay out.
 */
export function publicPosting(posting: Posting, html: string) {
  const url = absoluteUrl(`/careers/${posting.slug}`);
  return {
    slug: posting.slug,
    url,
    applyUrl: `${url}#apply`,
    title: posting.title,
    category: posting.category,
    position: posting.position,
    location: posting.location ?? null,
    remote: posting.remote,
    employmentType: posting.employmentType ?? null,
    department: posting.department ?? null,
    datePosted: postedOn(posting),
    validThrough: posting.validThrough ?? null,
    salary: posting.salary ?? null,
    status: posting.status,
    updatedAt: posting.updatedAt,
    html,
    questions: posting.questions,
  };
}

export type PublicPosting = ReturnType<typeof publicPosting>;
