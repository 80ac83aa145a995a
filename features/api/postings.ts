import 'server-only';
import type { z } from 'zod';
import { authorizeScoped, canSeePosting } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';
import { listAllPostings } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';
import type { apiPostingSchema } from './schemas';

/** Every posting the token may see (all, unless its owner is now a reviewer), with the questions its form asks. */
export async function apiPostings({ context }: { context: AdminContext }): Promise<z.infer<typeof apiPostingSchema>[]> {
  const { slugs } = await authorizeScoped(context);
  const postings = (await listAllPostings()).filter((posting) => canSeePosting(slugs, posting.slug));
  return postings.map((posting) => ({
    slug: posting.slug,
    title: posting.title,
    status: posting.status,
    category: posting.category,
    position: posting.position,
    location: posting.location ?? null,
    url: absoluteUrl(`/careers/${posting.slug}`),
    questions: posting.questions,
  }));
}
