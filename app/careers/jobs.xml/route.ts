import { indeedFeed } from '@/features/postings/job-board-feeds';
import { listPublicPostings } from '@/features/postings/open-postings';

export const revalidate = 3600;

/** Indeed's XML job feed, which most aggregators read too. */
export async function GET() {
  return new Response(indeedFeed(await listPublicPostings()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
