import { pathId } from '@/features/api/applications';
import { notAllowed, notFound } from '@/features/api/problem';
import { apiRoute } from '@/features/api/route';
import { getResumeFile } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { resumeFileName } from '@/features/resumes/file-name';
import { RESUME_SECURITY_HEADERS } from '@/lib/http/security-headers';

type Params = { id: string };

/** GET /api/v1/applications/{id}/resume: the file as the candidate sent it, always as a download. */
export const GET = apiRoute<Params>(
  {
    scope: 'applications:read',
    route: '/api/v1/applications/{id}/resume',
    applicationId: ({ id }) => parseApplicationId(id),
  },
  async ({ params, context }) => {
    const id = pathId(params.id);
    const file = await getResumeFile({ id, disposition: 'attachment', context });
    if (!file) throw notFound('resume');
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.data.length),
        'Content-Disposition': `attachment; filename="${resumeFileName(file.reference, file.fileName)}"`,
        'Cache-Control': 'no-store',
        ...RESUME_SECURITY_HEADERS,
      },
    });
  },
);

// Not HEAD: Next would run GET for it, reading the file and recording a download nobody received.
export const HEAD = notAllowed('GET');
export const POST = HEAD;
export const PUT = HEAD;
export const PATCH = HEAD;
export const DELETE = HEAD;
