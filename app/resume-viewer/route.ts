import { VIEWER_DOCUMENT, VIEWER_HEADERS } from '@/features/resumes/viewer/viewer-document';

// The resume preview frame's document: the same for every resume (the admin page hands the bytes over).
export function GET() {
  return new Response(VIEWER_DOCUMENT, { headers: VIEWER_HEADERS });
}
