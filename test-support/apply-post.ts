// Applications posted the way the no-JavaScript form posts them, for the hostile suite, the crash test and the
// benchmark: the `$ACTION_…` fields the page renders name the action, the rest is ours.

export const SEED_SLUG = 'senior-backend-engineer-remote';

/** The `$ACTION_…` hidden fields React renders into the no-JavaScript form: they name the apply action. */
export async function actionFields(origin: string, slug = SEED_SLUG): Promise<[string, string][]> {
  const html = await (await fetch(`${origin}/careers/${slug}`)).text();
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fields = [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
    (m): [string, string] => [m[1]!, decode(m[2] ?? '')],
  );
  if (fields.length === 0) throw new Error('No $ACTION fields on the posting page');
  return fields;
}

/** One application through the real form submission path: multipart, as the no-JavaScript form posts it. */
export function applicationForm(
  hidden: [string, string][],
  fields: { email: string; fullName: string; resume: Buffer; slug?: string },
): FormData {
  const form = new FormData();
  for (const [key, value] of hidden) form.append(key, value);
  form.append('slug', fields.slug ?? SEED_SLUG);
  form.append('fullName', fields.fullName);
  form.append('email', fields.email);
  form.append('consent', 'yes');
  form.append('resume', new File([new Uint8Array(fields.resume)], 'resume.pdf', { type: 'application/pdf' }));
  return form;
}

/**
 * Whether the site acknowledged the application: every valid submission (new, or a second one from the same
 * address, which only the mailbox's owner learns of) is answered with a redirect to the same confirmation
 * page. Post with `redirect: 'manual'` to see it.
 */
export function isAcknowledged(answer: Response | { status: number; location?: string | null }, slug = SEED_SLUG) {
  const location = (answer instanceof Response ? answer.headers.get('location') : answer.location) ?? '';
  return answer.status === 303 && new URL(location, 'http://localhost').pathname === `/careers/${slug}/applied`;
}
