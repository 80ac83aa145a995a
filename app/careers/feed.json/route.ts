import { jsonFeed } from '@/features/postings/feeds';
import { listPublicPostings } from '@/features/postings/open-postings';

export const revalidate = 3600;

export async function GET() {
  return new Response(JSON.stringify(jsonFeed(await listPublicPostings())), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
