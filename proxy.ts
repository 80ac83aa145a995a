import { NextResponse, type NextRequest } from 'next/server';
import { clientAddress } from '@/lib/auth/request';
import { RESUME_MAX_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/limits';
import { parseRateLimit, RateLimiter } from '@/lib/rate-limit';

const applyLimiter = new RateLimiter(parseRateLimit(process.env.APPLY_RATE_LIMIT));

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title><main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">` +
  `<h1>${title}</h1>${body}</main></html>`;

/**
 * Next answers a server action body over its limit with a bare 500. Without JavaScript the browser cannot
 * check the resume size first, so an oversized application is caught here and explained instead.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'POST') return NextResponse.next();
  const back = request.nextUrl.pathname;
  // A flood from one address is refused before its body is read, let alone stored.
  const wait = applyLimiter.hit(clientAddress(request.headers));
  if (wait > 0) {
    return new NextResponse(
      page('Too many applications', `<p>We received too many applications from your network in a short time, so this one was not sent.</p><p>Please wait ${wait} seconds, then <a href="${back}#apply">go back to the form</a> and send it again.</p>`),
      { status: 429, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(wait), 'Cache-Control': 'no-store' } },
    );
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > SERVER_ACTION_BODY_LIMIT_BYTES) {
    const mb = RESUME_MAX_BYTES / 1024 / 1024;
    return new NextResponse(
      page('Your resume is too large', `<p>The resume must be ${mb} MB or smaller. Your application was not sent.</p><p><a href="${back}#apply">Go back to the application form</a> and choose a smaller file, for example a PDF export of your resume.</p>`),
      { status: 413, headers: { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' } },
    );
  }
  return NextResponse.next();
}

export const config = {
  // Only multipart posts to a posting page: reading postings never passes through here.
  matcher: [{ source: '/careers/:slug', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] }],
};
