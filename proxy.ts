import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/index';
import { hitRateLimit } from '@/db/rate-limit';
import { actionBodyValid } from '@/features/apply/gate/action-body';
import { jsActionBodyValid, noJsActionFieldsValid } from '@/features/apply/gate/action-fields';
import { FORM_ROUTES } from '@/features/apply/gate/form-routes';
import { APPLY_STAMP_HEADER, applyStamp } from '@/features/apply/gate/stamp';
import { allowedOrigin, embedFrameAncestors } from '@/features/embed/origins';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { isSameOrigin } from '@/lib/http/origin';
import { clientAddress } from '@/lib/http/request';
import { securityHeaders } from '@/lib/http/security-headers';
import { parseRateLimit } from '@/lib/rate-limit';

const APPLY_LIMIT = parseRateLimit(process.env.APPLY_RATE_LIMIT);
// Any page under /careers/, wider than a slug (lib/content/posting.ts POSTING_PATH) on purpose: whatever is
// posted there passes the apply gate, a malformed slug included.
const POSTING = /^\/careers\/[^/]+$/;

/**
 * Any other page's server actions (the team page, the candidate's page, the join page…): Next answers a
 * cross-site one, or a body React cannot decode, with a 500. Each is answered here with a page that says why.
 */
async function actionGate(request: NextRequest) {
  const back = html`<a href="${request.nextUrl.pathname}">go back to the page</a>`;
  if (!isSameOrigin(request.headers)) {
    return messagePage(
      403,
      'This form can only be sent from this site',
      html`<p>Nothing was changed. Open this site's page, then ${back} and use the form there.</p>`,
    );
  }
  if (!(await actionBodyValid(request))) {
    return messagePage(
      400,
      'This request is not valid',
      html`<p>Nothing was changed. Reload the page, then ${back}.</p>`,
    );
  }
  return NextResponse.next();
}

const PUBLIC_API = /^\/api\/postings(?:\/|$)/;

/**
 * The embed (its script and its iframe page) may be framed by the sites in EMBED_ORIGINS, a setting read when
 * the server runs, not when the site was built: next.config.ts leaves these paths to this policy.
 */
function embedHeaders(response: Response) {
  const options = { dev: process.env.NODE_ENV === 'development', frameAncestors: embedFrameAncestors() };
  for (const { key, value } of securityHeaders(options)) response.headers.set(key, value);
  return response;
}

/**
 * The public posting API answers a browser on the sites in EMBED_ORIGINS (the embed script reads it from there),
 * and no other: its answer names the one origin that asked, so it varies by Origin for every cache on the way.
 */
function publicApiCors(request: NextRequest) {
  const origin = allowedOrigin(request.headers.get('origin'));
  const cors: Record<string, string> = { Vary: 'Origin' };
  if (origin) Object.assign(cors, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET' });
  if (request.method === 'OPTIONS')
    return new NextResponse(null, { status: 204, headers: { ...cors, Allow: 'GET, HEAD, OPTIONS' } });
  const response = NextResponse.next();
  for (const [key, value] of Object.entries(cors)) response.headers.set(key, value);
  return response;
}

/**
 * Every POST to a posting page passes here before Next reads it as a server action (server.ts has already
 * refused a body larger than the form can be). Next answers a cross-site Origin or a body that is not an
 * action with a bare 400 or 500, so each is caught first and explained; a flood from one address is
 * refused before anything is read.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The embed's and the public API's own requests get their run-time headers. What the matcher's other entries
  // catch there (a server action posted to a path Next answers, which would be its bare 500) passes the gates as
  // anywhere else; any other request goes on to the route (a POST to the API is its 405).
  const embed = pathname.startsWith('/embed/');
  if (embed || PUBLIC_API.test(pathname)) {
    const type = request.headers.get('content-type') ?? '';
    const action = request.headers.has('next-action') || /^multipart\/form-data/i.test(type);
    if (embed) return embedHeaders(action ? await gate(request) : NextResponse.next());
    if (!action) return publicApiCors(request);
  }
  return gate(request);
}

async function gate(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (request.method !== 'POST') return NextResponse.next();
  if (FORM_ROUTES.has(pathname)) return NextResponse.next();
  if (!POSTING.test(pathname)) return actionGate(request);
  const back = request.nextUrl.pathname;
  const again = html`<a href="${back}#apply">go back to the application form</a>`;
  // Counted in the database, so the limit holds across every instance of the site.
  const wait = await hitRateLimit({
    database: await getDb(),
    key: `apply:${clientAddress(request.headers)}`,
    policy: APPLY_LIMIT,
  });
  if (wait > 0) {
    return messagePage(
      429,
      'Too many applications',
      html`<p>We received too many applications from your network in a short time, so this one was not sent.</p>
        <p>Please wait ${wait} seconds, then ${again} and send it again.</p>`,
      { 'Retry-After': String(wait) },
    );
  }
  if (!isSameOrigin(request.headers)) {
    return messagePage(
      403,
      'This form can only be sent from this site',
      html`<p>Your application was not sent. Open the posting on this site, then ${again}.</p>`,
    );
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return messagePage(
      415,
      'This is not an application form',
      html`<p>Applications are sent with the form on the posting page. Nothing was sent; ${again}.</p>`,
    );
  }
  // With JavaScript the action travels in the Next-Action header; without it, in the body's hidden fields.
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const valid =
    form !== null && (request.headers.has('next-action') ? jsActionBodyValid(form) : noJsActionFieldsValid(form));
  if (!valid) {
    return messagePage(
      400,
      'This is not an application form',
      html`<p>The form that was sent is not the application form. Nothing was sent; ${again}.</p>`,
    );
  }
  const headers = new Headers(request.headers);
  headers.set(APPLY_STAMP_HEADER, applyStamp(back));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Every request with a body to a posting page (a POST always has one of these headers), and every server
  // action elsewhere (a Next-Action header, or a multipart form); of the requests that read, only the embed's and
  // the public API's (for their runtime headers), so the pages stay static and never wait on this.
  matcher: [
    '/embed/:path*',
    '/api/postings',
    '/api/postings/:path*',
    { source: '/((?!_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!_next/).*)', has: [{ type: 'header', key: 'content-type', value: '(?:multipart/form-data).*' }] },
    { source: '/careers/:slug', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/careers/:slug', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/careers/:slug', has: [{ type: 'header', key: 'transfer-encoding' }] },
  ],
};
