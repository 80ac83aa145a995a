'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authorize } from '@/features/staff/context';
import { clientAddress } from '@/lib/http/request';
import { confirmAppSetup, remakeRecoveryCodes, removeApp, startAppSetup } from './app';
import type { TwoFactorState } from './components/two-factor-form';

// The two-factor page's forms (the owner's are the team page's, features/team/actions.ts). Plain form actions: they work without
// JavaScript; the data layer checks everything again.

const NOT_THE_FORM = { error: 'This is not the two-factor form. Reload the page.' };
const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 1100);

const refusal = (status: 'wrong' | 'throttled' | 'no-app' | 'required', retryAfter = 0): TwoFactorState => {
  if (status === 'wrong') return { error: 'Your password is not right. Type it again.' };
  if (status === 'no-app') return { error: 'The authenticator app is not on. Reload the page.' };
  if (status === 'required') return { error: 'Your team requires a second factor: the app stays on.' };
  const minutes = Math.ceil(retryAfter / 60);
  return {
    error: `Too many wrong passwords from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
};

export async function beginSetup(_state: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  await authorize(undefined, { enrolling: true });
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const result = await startAppSetup({ password: field(form, 'password'), address: clientAddress(await headers()) });
  if (result.status !== 'ok') return refusal(result.status, 'retryAfter' in result ? result.retryAfter : 0);
  redirect('/admin/two-factor');
}

export async function confirmSetup(_state: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  await authorize(undefined, { enrolling: true });
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const result = await confirmAppSetup({ code: field(form, 'code') });
  if ('codes' in result) return { codes: result.codes };
  if (result.problem === 'no-setup') return { error: 'This setup is no longer open. Reload the page.' };
  return { error: 'That code is not right. Type the six digits the app shows now (they change every 30 seconds).' };
}

export async function makeRecoveryCodes(_state: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  await authorize(undefined, { enrolling: true });
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const address = clientAddress(await headers());
  const result = await remakeRecoveryCodes({ password: field(form, 'password'), address });
  if (result.status === 'ok') return { codes: result.codes };
  return refusal(result.status, 'retryAfter' in result ? result.retryAfter : 0);
}

export async function turnOffApp(_state: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  await authorize(undefined, { enrolling: true });
  if (!(form instanceof FormData)) return NOT_THE_FORM;
  const result = await removeApp({ password: field(form, 'password'), address: clientAddress(await headers()) });
  if (result.status !== 'ok') return refusal(result.status, 'retryAfter' in result ? result.retryAfter : 0);
  redirect('/admin/account?saved=two-factor-off');
}
