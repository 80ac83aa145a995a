import { apiPostings } from '@/features/api/postings';
import { API_HEADERS, notAllowed } from '@/features/api/problem';
import { apiRoute } from '@/features/api/route';

/** GET /api/v1/postings: every posting (open, closed and draft), with the questions its form asks. */
export const GET = apiRoute({ scope: 'postings:read', route: '/api/v1/postings' }, async ({ context }) =>
  Response.json({ data: await apiPostings({ context }) }, { headers: API_HEADERS }),
);

export const POST = notAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
