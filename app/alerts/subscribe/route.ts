import { getDb } from '@/db/index';
import { fieldsOf } from '@/features/alerts/schema';
import { signUp } from '@/features/alerts/signup';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';
import { clientAddress } from '@/lib/http/request';

/** The job alert form, from any page that shows it. The same answer for a known address and an unknown one. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Job alert');
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const result = await signUp({
    database: await getDb(),
    fields: fieldsOf(form),
    client: clientAddress(request.headers),
  });
  if (result.ok) return seeOther('/alerts?sent=1');
  if ('error' in result) return seeOther(`/alerts?error=${result.error}#alert-heading`);
  const minutes = Math.ceil(result.wait / 60);
  return messagePage(
    429,
    'Too many job alert requests',
    html`<p>
        We received many requests for job alerts from your network or for that address. Try again in ${minutes}
        minute${minutes === 1 ? '' : 's'}.
      </p>
      <p><a href="/alerts">Back</a></p>`,
    { 'Retry-After': String(result.wait) },
  );
}
