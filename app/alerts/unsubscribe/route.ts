import { getDb } from '@/db/index';
import { unsubscribe } from '@/features/alerts/subscriptions';
import { bodyRefusal } from '@/lib/http/body-limits';
import { seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';

/**
 * The address in every alert's List-Unsubscribe header. A mail client's one-click POST (RFC 8058: its body is
 * `List-Unsubscribe=One-Click`, with no Origin to check and no cookie) deletes the alert; a GET, which mail
 * scanners make too, only opens the alert's page, whose button does it.
 */
export async function POST(request: Request) {
  // Its body (one field) is never read; one larger than a form is refused unread, as everywhere.
  const refused = bodyRefusal(request);
  if (refused) return refused;
  const token = new URL(request.url).searchParams.get('token');
  await request.body?.cancel().catch(() => {});
  const left = await unsubscribe({ database: await getDb(), token });
  return messagePage(
    200,
    left ? 'You are unsubscribed' : 'Nothing to unsubscribe',
    left
      ? html`<p>That job alert is deleted; nothing more will be sent.</p>`
      : html`<p>This alert was already deleted, or the link was not copied whole.</p>`,
  );
}

export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return seeOther(`/alerts/manage?token=${encodeURIComponent(token)}`);
}
