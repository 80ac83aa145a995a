import { NextResponse, type NextRequest } from 'next/server';
import { RESUME_MAX_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/limits';

/**
 * Next answers a server action body over its limit with a bare 500. Without JavaScript the browser cannot
 * check the resume size first, so an oversized application is caught here and explained instead.
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (request.method === 'POST' && length > SERVER_ACTION_BODY_LIMIT_BYTES) {
    const back = request.nextUrl.pathname;
    const mb = RESUME_MAX_BYTES / 1024 / 1024;
    return new NextResponse(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Your resume is too large</title><main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">` +
        `<h1>Your resume is too large</h1><p>The resume must be ${mb} MB or smaller. Your application was not sent.</p>` +
        `<p><a href="${back}#apply">Go back to the application form</a> and choose a smaller file, for example a PDF export of your resume.</p></main></html>`,
      { status: 413, headers: { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' } },
    );
  }
  return NextResponse.next();
}

export const config = {
  // Only multipart posts to a posting page: reading postings never passes through here.
  matcher: [{ source: '/careers/:slug', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] }],
};
