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

/**
 * The same application as a browser with JavaScript sends it: React's encoding of the action's arguments
 * (the previous state and the form), the form's fields as parts named `_1_…` and the root part `0` last,
 * with the action's id in the Next-Action header. The id and the initial state are the ones the page's
 * `$ACTION_…` fields carry.
 */
export function jsActionRequest(
  hidden: [string, string][],
  fields: { email: string; fullName: string; resume: Buffer; slug?: string },
): { body: FormData; headers: Record<string, string> } {
  const head = JSON.parse(hidden.find(([key]) => /^\$ACTION_\d+:0$/.test(key))?.[1] ?? 'null') as { id?: string };
  const bound = JSON.parse(hidden.find(([key]) => /^\$ACTION_\d+:1$/.test(key))?.[1] ?? '[]') as unknown[];
  if (typeof head?.id !== 'string') throw new Error('No action id among the $ACTION fields');
  const form = applicationForm([], fields);
  const body = new FormData();
  for (const [key, value] of form) body.append(`_1_${key}`, value);
  body.append('0', JSON.stringify([bound[0] ?? null, '$K1']));
  return { body, headers: { 'Next-Action': head.id, Accept: 'text/x-component' } };
}

/** A JavaScript submission is acknowledged with a 200 that tells the router to go to the confirmation. */
export function isAcknowledgedJs(answer: Response, slug = SEED_SLUG) {
  const target = answer.headers.get('x-action-redirect')?.split(';')[0] ?? '';
  return answer.status === 200 && new URL(target, 'http://localhost').pathname === `/careers/${slug}/applied`;
}
