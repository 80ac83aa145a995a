import { POSTING_PATH } from '@/lib/content/posting';
import { NOTE_MAX_CHARS, RESUME_MAX_MB, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/limits';
import { html, type SafeHtml } from './html';
import { messagePage } from './message-page';

// Every request body is refused before anything reads it when it is larger than its route needs: the server
// (server.ts) checks Content-Length against this table, so a 200 MB post costs nothing but its headers.

export type BodyLimit = { bytes: number; title: string; body: SafeHtml };

const KB = 1024;
const tooLarge = (what: string) => html`<p>${what} was larger than this page accepts, so it was not sent.</p>`;

const LIMITS: { path: RegExp; limit: (path: string) => BodyLimit }[] = [
  {
    // The apply form: the largest resume, the text fields and the multipart framing.
    path: POSTING_PATH,
    limit: (path) => ({
      bytes: SERVER_ACTION_BODY_LIMIT_BYTES,
      title: 'Your resume is too large',
      body: html`<p>The resume must be ${RESUME_MAX_MB} MB or smaller. Your application was not sent.</p>
        <p>
          <a href="${path}#apply">Go back to the application form</a> and choose a smaller file, for example a PDF
          export of your resume.
        </p>`,
    }),
  },
  {
    // A status change is a few bytes of JSON.
    path: /^\/api\/v1\//,
    limit: () => ({
      bytes: 8 * KB,
      title: 'The request body is larger than the API accepts (8 KB)',
      body: tooLarge('The request'),
    }),
  },
  {
    // The sign-in forms (password, code, single sign-on's start) and the reset request: a few short fields.
    path: /^\/admin\/(session(\/code)?|sso\/start|password-reset\/request)$/,
    limit: () => ({ bytes: 8 * KB, title: 'Too much to sign in with', body: tooLarge('The sign-in form') }),
  },
  {
    path: /^\/admin\/sign-out$/,
    limit: () => ({ bytes: 0, title: 'Signing out takes no data', body: tooLarge('The request') }),
  },
  {
    // A note at its longest, four bytes a character, with the action's own fields.
    path: /^\/admin\/applications\/\d+$/,
    limit: () => ({ bytes: NOTE_MAX_CHARS * 4 + 16 * KB, title: 'The note is too long', body: tooLarge('The note') }),
  },
];

/** Any other request (a form, a server action posted to another page) carries a few small fields at most. */
const DEFAULT: BodyLimit = { bytes: 64 * KB, title: 'This request is too large', body: tooLarge('The request') };

export function bodyLimitFor(pathname: string): BodyLimit {
  return LIMITS.find((entry) => entry.path.test(pathname))?.limit(pathname) ?? DEFAULT;
}

export type BodyRefusal = { status: 411 | 413; title: string; body: SafeHtml };

/** Why a request's body must not be read: it has no declared length, or more than its route accepts. */
export function refuseBody(
  pathname: string,
  headers: { 'content-length'?: string; 'transfer-encoding'?: string },
): BodyRefusal | null {
  const limit = bodyLimitFor(pathname);
  const length = headers['content-length'];
  if (length === undefined) {
    if (headers['transfer-encoding'] === undefined) return null;
    // Browsers always declare the length of a form; without it the size is only known after reading it all.
    return {
      status: 411,
      title: 'Length required',
      body: html`<p>The request did not say how large it is, so it was not read.</p>`,
    };
  }
  return Number(length) > limit.bytes ? { status: 413, title: limit.title, body: limit.body } : null;
}

/** For a route handler that reads its own body: the refusal page, before anything is read. */
export function bodyRefusal(request: Request): Response | null {
  const refusal = refuseBody(new URL(request.url).pathname, {
    'content-length': request.headers.get('content-length') ?? undefined,
    'transfer-encoding': request.headers.get('transfer-encoding') ?? undefined,
  });
  return refusal && messagePage(refusal.status, refusal.title, refusal.body, { Connection: 'close' });
}
