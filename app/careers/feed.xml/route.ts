import { rssFeed } from '@/features/postings/feeds';
import { listPublicPostings } from '@/features/postings/open-postings';

export const revalidate = 3600;

export async function GET() {
  return new Response(rssFeed(await listPublicPostings()), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
