import { getResumeFile } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { DOCX_PREVIEW_HEADERS, DOCX_PREVIEW_MESSAGES, docxPreviewDocument } from '@/features/resumes/preview/document';
import { docxToSafeHtml } from '@/features/resumes/preview/docx';
import { RESUME_MEDIA_TYPES } from '@/features/resumes/sniff';
import { currentViewer } from '@/features/staff/context';

const page = (status: number, body: string) =>
  new Response(docxPreviewDocument(body), { status, headers: DOCX_PREVIEW_HEADERS });
// next.config.ts leaves this route's headers to it: its refusals carry the same policy as the preview.
const refusal = (status: number, text: string) =>
  new Response(text, { status, headers: { ...DOCX_PREVIEW_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

// A DOCX resume as text, converted and sanitised here, for the detail page's script-less frame.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Checked here as well as in the data layer: a signed-out request gets 401, not a redirect to follow.
  if (!(await currentViewer())) return refusal(401, 'Sign in to see resumes');
  const id = parseApplicationId((await params).id);
  if (id === null) return refusal(404, 'Not found');
  const file = await getResumeFile({ id, disposition: 'inline' });
  if (!file) return refusal(404, 'Not found');
  if (file.mediaType !== RESUME_MEDIA_TYPES.docx) return page(415, DOCX_PREVIEW_MESSAGES['not-docx']);
  const preview = await docxToSafeHtml(file.data);
  return preview.ok ? page(200, preview.html) : page(422, DOCX_PREVIEW_MESSAGES[preview.reason]);
}
