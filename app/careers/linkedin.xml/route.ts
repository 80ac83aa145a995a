import { linkedinFeed } from '@/features/postings/job-board-feeds';
import { listPublicPostings } from '@/features/postings/open-postings';

export const revalidate = 3600;

/** LinkedIn's XML feed for job wrapping. */
export async function GET() {
  return new Response(linkedinFeed(await listPublicPostings()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
