import { PUBLIC_API_HEADERS } from '@/lib/api-headers';
import { listPublicPostings } from '@/lib/content/open-postings';

export const revalidate = 3600;

/** GET /api/postings: every open posting, newest first. */
export async function GET() {
  const postings = await listPublicPostings();
  return Response.json({ count: postings.length, postings }, { headers: PUBLIC_API_HEADERS });
}
