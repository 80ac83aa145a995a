import { applicationDetail, pathId } from '@/features/api/applications';
import { readStatusChange } from '@/features/api/body';
import { API_HEADERS, notAllowed, notFound } from '@/features/api/problem';
import { apiRoute } from '@/features/api/route';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { changeStatus } from '@/features/application/status-changes';

type Params = { id: string };
const route = '/api/v1/applications/{id}';
const applicationId = ({ id }: Params) => parseApplicationId(id);

/** GET /api/v1/applications/{id}: one application with its answers and status history. */
export const GET = apiRoute<Params>(
  { scope: 'applications:read', route, applicationId },
  async ({ params, context }) => {
    const application = await getApplication({ id: pathId(params.id), context });
    if (!application) throw notFound('application');
    return Response.json(applicationDetail(application), { headers: API_HEADERS });
  },
);

/** PATCH /api/v1/applications/{id} `{ "status": "interview" }`: moves it, as the admin's status form does (no email). */
export const PATCH = apiRoute<Params>(
  { scope: 'applications:write', route, applicationId },
  async ({ request, params, context }) => {
    const id = pathId(params.id);
    const { status } = await readStatusChange(request);
    const result = await changeStatus({ id, to: status, context });
    if (result === 'not-found') throw notFound('application');
    return Response.json({ id, status, changed: result === 'changed' }, { headers: API_HEADERS });
  },
);

export const POST = notAllowed('GET, PATCH');
export const PUT = POST;
export const DELETE = POST;
