import { getResumeFile } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { resumeFileName } from '@/features/resumes/file-name';
import { currentViewer } from '@/features/staff/context';
import { RESUME_SECURITY_HEADERS } from '@/lib/http/security-headers';

// next.config.ts leaves this route's headers to it: its refusals carry the resume's policy too.
const refusal = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...RESUME_SECURITY_HEADERS },
  });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Checked here as well as in the data layer: a signed-out request gets 401, not a redirect to follow.
  if (!(await currentViewer())) return refusal(401, 'Sign in to see resumes');
  const id = parseApplicationId((await params).id);
  if (id === null) return refusal(404, 'Not found');
  const wantsDownload = new URL(request.url).searchParams.has('download');
  const probe = await getResumeFile({ id, disposition: wantsDownload ? 'attachment' : 'inline' });
  if (!probe) return refusal(404, 'Not found');
  // Only a PDF is shown inline (in the detail page's sandboxed frame); anything else is always a download.
  const inline = !wantsDownload && probe.mediaType === 'application/pdf';
  const name = resumeFileName(probe.reference, probe.fileName);
  return new Response(new Uint8Array(probe.data), {
    headers: {
      'Content-Type': probe.mediaType,
      'Content-Length': String(probe.data.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
      'Cache-Control': 'no-store',
      ...RESUME_SECURITY_HEADERS,
    },
  });
}
