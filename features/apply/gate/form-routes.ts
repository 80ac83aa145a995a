/**
 * The route handlers that take form posts. They read their own bodies (a broken one is theirs to answer, with
 * a 303), and no server action runs there, so proxy.ts's action gate leaves them alone.
 * `form-routes.test.ts` fails when a route handler with POST is added and not listed here.
 */
export const FORM_ROUTES: ReadonlySet<string> = new Set([
  '/admin/session',
  '/admin/session/code',
  '/admin/sso/start',
  '/admin/sign-out',
  '/admin/password-reset/request',
  '/applications/session',
  '/applications/sign-out',
  '/applications/access/request',
  '/alerts/subscribe',
  '/alerts/manage/update',
  // RFC 8058's one-click POST comes from a mail client: no Origin, its own small body.
  '/alerts/unsubscribe',
]);
