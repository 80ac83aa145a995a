import 'server-only';
import { after } from 'next/server';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { getDb } from '@/db/index';
import { hitRateLimit } from '@/db/rate-limit';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { clientAddress } from '@/lib/http/request';

const PER_ADDRESS = { limit: 10, windowMs: 60 * 60 * 1000 };

/**
 * A form that asks for a link by email (a candidate's private link, a team member's password link): a few an
 * hour from one network, an address checked, then the same answer, at once, whatever `send` finds, so the page
 * never says whether the address is known. Only its mailbox learns more.
 */
export async function emailLinkRequest({
  request,
  kind,
  page,
  links,
  send,
}: {
  request: Request;
  /** The rate limit's key prefix. */
  kind: string;
  /** The form's page: the answer and the error go back to it. */
  page: string;
  /** What is asked for, in the 429 page's words ("links", "password links"). */
  links: string;
  send: (args: { database: Database; email: string }) => Promise<unknown>;
}): Promise<Response> {
  const refused = refuseFormPost(request, 'Request');
  if (refused) return refused;
  const database = await getDb();
  const wait = await hitRateLimit({ database, key: `${kind}:${clientAddress(request.headers)}`, policy: PER_ADDRESS });
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    return messagePage(
      429,
      'Too many requests',
      html`<p>
          We received many requests for ${links} from your network. Try again in ${minutes}
          minute${minutes === 1 ? '' : 's'}.
        </p>
        <p><a href="${page}">Back</a></p>`,
      { 'Retry-After': String(wait) },
    );
  }
  const form = await request.formData().catch(() => null);
  const email = z
    .email()
    .max(254)
    .safeParse(String(form?.get('email') ?? '').trim());
  if (!email.success) return seeOther(`${page}?error=email`);
  // After the answer: a known address costs writes (the link, the email, the audit entry) an unknown one does
  // not, and the time the answer took would tell them apart.
  after(() => send({ database, email: email.data }));
  return seeOther(`${page}?sent=1`);
}
