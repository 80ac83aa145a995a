import { listPublicPostings } from '@/features/postings/open-postings';
import { PUBLIC_API_HEADERS } from '@/lib/http/api-headers';

export const revalidate = 3600;

/** GET /api/postings: every open posting, newest first. */
export async function GET() {
  const postings = await listPublicPostings();
  return Response.json({ count: postings.length, postings }, { headers: PUBLIC_API_HEADERS });
}
