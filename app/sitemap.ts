import type { MetadataRoute } from 'next';
import { listOpenPostings } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 3600;

/** The listing and every posting that takes applications, each dated by its last commit (lib/content/git-dates.ts). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const postings = await listOpenPostings();
  const newest = postings
    .map((p) => p.updatedAt)
    .sort()
    .at(-1);
  return [
    { url: absoluteUrl('/careers'), lastModified: newest, changeFrequency: 'daily', priority: 1 },
    ...postings.map((p) => ({
      url: absoluteUrl(`/careers/${p.slug}`),
      lastModified: p.updatedAt,
      changeFrequency: 'weekly' as const,
      priority: 0.8,
    })),
  ];
}
