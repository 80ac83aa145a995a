'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { RoleRequiredError } from '@/features/staff/access';
import { authorize } from '@/features/staff/context';
import { rowId } from '@/lib/row-id';
import { createEndpoint, removeEndpoint, resumeEndpoint, sendAgain } from './endpoints';
import { WebhookError, type WEBHOOK_SAVED } from './notices';
import { endpointFormSchema } from './schemas';
import { webhookSettings } from './settings';

// The webhook pages' forms: plain form actions (they work without JavaScript). Each authorises first; the data
// layer checks the role again and audits.

export type EndpointFormState = {
  errors?: Partial<Record<'url' | 'events' | 'description' | 'form', string>>;
  values?: { url: string; events: string[]; description: string };
  /** The new endpoint, with its secret: shown this once. */
  created?: { id: number; url: string; secret: string };
};

export async function addEndpoint(_state: EndpointFormState, form: FormData): Promise<EndpointFormState> {
  await authorize();
  if (!(form instanceof FormData)) return { errors: { form: 'This is not the endpoint form. Reload the page.' } };
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.slice(0, 4000) : '';
  };
  const values = {
    url: text('url'),
    events: form
      .getAll('events')
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 20),
    description: text('description'),
  };
  const parsed = endpointFormSchema(webhookSettings()).safeParse(values);
  if (!parsed.success) {
    const errors: EndpointFormState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const key = field === 'url' || field === 'events' || field === 'description' ? field : 'form';
      errors[key] ??= issue.message;
    }
    return { errors, values };
  }
  try {
    const { id, secret } = await createEndpoint({ input: parsed.data });
    revalidatePath('/admin/webhooks');
    return { created: { id, url: parsed.data.url, secret } };
  } catch (error) {
    if (error instanceof WebhookError || error instanceof RoleRequiredError) {
      return {
        errors: { form: error instanceof RoleRequiredError ? 'Only owners manage webhooks.' : error.message },
        values,
      };
    }
    throw error;
  }
}

type Saved = keyof typeof WEBHOOK_SAVED;

/** Back to a webhook page with what happened, as keys of features/webhooks/notices.ts. */
async function done(work: () => Promise<{ saved: Saved; path: string }>, fallback: string): Promise<never> {
  let target: string;
  try {
    const { saved, path } = await work();
    target = `${path}?saved=${saved}`;
  } catch (error) {
    if (error instanceof WebhookError) target = `${fallback}?error=${error.problem}`;
    else if (error instanceof RoleRequiredError) target = `${fallback}?error=not-allowed`;
    else throw error;
  }
  revalidatePath('/admin/webhooks', 'layout');
  redirect(target);
}

function formId(form: unknown, name: string): number | null {
  if (!(form instanceof FormData)) return null;
  const parsed = rowId.safeParse(form.get(name));
  return parsed.success ? parsed.data : null;
}

export async function removeEndpointAction(form: FormData): Promise<void> {
  await authorize();
  const id = formId(form, 'endpoint');
  if (id === null) redirect('/admin/webhooks?error=invalid');
  await done(async () => {
    await removeEndpoint({ id });
    return { saved: 'removed', path: '/admin/webhooks' };
  }, '/admin/webhooks');
}

export async function resumeEndpointAction(form: FormData): Promise<void> {
  await authorize();
  const id = formId(form, 'endpoint');
  if (id === null) redirect('/admin/webhooks?error=invalid');
  await done(async () => {
    await resumeEndpoint({ id });
    return { saved: 'resumed', path: `/admin/webhooks/${id}` };
  }, '/admin/webhooks');
}

export async function sendAgainAction(form: FormData): Promise<void> {
  await authorize();
  const id = formId(form, 'delivery');
  if (id === null) redirect('/admin/webhooks?error=invalid');
  await done(async () => {
    const { endpointId, paused } = await sendAgain({ id });
    return { saved: paused ? 'resent-paused' : 'resent', path: `/admin/webhooks/${endpointId}` };
  }, '/admin/webhooks');
}
