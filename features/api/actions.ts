'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { RoleRequiredError } from '@/features/staff/access';
import { authorize } from '@/features/staff/context';
import { rowId } from '@/lib/row-id';
import { tokenFormSchema } from './token-schema';
import { ApiTokenError, createApiToken, revokeApiToken } from './tokens';

// The API tokens page's forms: plain form actions; the data layer checks the role again and audits.

export type TokenFormState = {
  errors?: Partial<Record<'name' | 'scopes' | 'form', string>>;
  values?: { name: string; scopes: string[] };
  /** The new token: shown this once. */
  created?: { name: string; token: string };
};

export async function addToken(_state: TokenFormState, form: FormData): Promise<TokenFormState> {
  await authorize();
  if (!(form instanceof FormData)) return { errors: { form: 'This is not the token form. Reload the page.' } };
  const name = form.get('name');
  const values = {
    name: typeof name === 'string' ? name.slice(0, 1000) : '',
    scopes: form
      .getAll('scopes')
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 10),
  };
  const parsed = tokenFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: TokenFormState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      errors[field === 'name' || field === 'scopes' ? field : 'form'] ??= issue.message;
    }
    return { errors, values };
  }
  try {
    const { token } = await createApiToken(parsed.data);
    revalidatePath('/admin/api-tokens');
    return { created: { name: parsed.data.name, token } };
  } catch (error) {
    if (error instanceof RoleRequiredError) return { errors: { form: 'Only owners manage API tokens.' }, values };
    throw error;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  await authorize();
  const parsed = form instanceof FormData ? rowId.safeParse(form.get('token')) : null;
  if (!parsed?.success) redirect('/admin/api-tokens?error=invalid');
  let query = 'saved=revoked';
  try {
    await revokeApiToken({ id: parsed.data });
  } catch (error) {
    if (error instanceof ApiTokenError) query = 'error=no-token';
    else if (error instanceof RoleRequiredError) query = 'error=not-allowed';
    else throw error;
  }
  revalidatePath('/admin/api-tokens');
  redirect(`/admin/api-tokens?${query}`);
}
