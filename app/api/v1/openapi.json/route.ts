import { openApiDocument } from '@/features/api/openapi';

/** GET /api/v1/openapi.json: the API described in OpenAPI 3.1, generated from the schemas the code uses. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
