import { applicationSummary } from '@/features/api/applications';
import { listApplicationsPage } from '@/features/api/list';
import { API_HEADERS, notAllowed } from '@/features/api/problem';
import { apiRoute } from '@/features/api/route';

/** GET /api/v1/applications: the inbox's filters, newest first, 50 a page, by keyset cursor. */
export const GET = apiRoute(
  { scope: 'applications:read', route: '/api/v1/applications' },
  async ({ request, context }) => {
    const { rows, nextCursor } = await listApplicationsPage({ url: new URL(request.url), context });
    return Response.json(
      { data: rows.map(applicationSummary), nextCursor: nextCursor ?? null },
      { headers: API_HEADERS },
    );
  },
);

export const POST = notAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
