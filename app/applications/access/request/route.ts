import { z } from 'zod';
import { getDb } from '@/db/index';
import { hitRateLimit } from '@/db/rate-limit';
import { requestAccessLink } from '@/features/candidate/access';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { clientAddress } from '@/lib/http/request';

const PER_ADDRESS = { limit: 10, windowMs: 60 * 60 * 1000 };

/** Whether or not the address has applied, the answer is the same page; only its mailbox learns more. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Request');
  if (refused) return refused;
  const database = await getDb();
  const wait = await hitRateLimit({ database, key: `access:${clientAddress(request.headers)}`, policy: PER_ADDRESS });
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    return messagePage(
      429,
      'Too many requests',
      html`<p>
          We received many requests for links from your network. Try again in ${minutes}
          minute${minutes === 1 ? '' : 's'}.
        </p>
        <p><a href="/applications/access">Back</a></p>`,
      { 'Retry-After': String(wait) },
    );
  }
  const form = await request.formData().catch(() => null);
  const email = z
    .email()
    .max(254)
    .safeParse(String(form?.get('email') ?? '').trim());
  if (!email.success) return seeOther('/applications/access?error=email');
  await requestAccessLink({ database, email: email.data });
  return seeOther('/applications/access?sent=1');
}
