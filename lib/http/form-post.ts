import { bodyRefusal } from './body-limits';
import { html } from './html';
import { messagePage } from './message-page';
import { isSameOrigin } from './origin';

// What every route handler that takes a form POST does first, and how it answers: a redirect that is never
// cached, so a reload or the back button does not post again.

export const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

/**
 * The answer to a form POST refused before its body is read: from another site (or one that hides where it
 * comes from, `Origin: null`), or larger than its route accepts. Null when the route may read it.
 */
export function refuseFormPost(request: Request, what: string): Response | null {
  if (!isSameOrigin(request.headers)) {
    return messagePage(
      403,
      `${what} refused`,
      html`<p>This form was sent from another site. Go back to this site’s page and use the form there.</p>`,
    );
  }
  return bodyRefusal(request);
}
