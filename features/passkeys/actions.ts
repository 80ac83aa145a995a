'use server';

import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ssoConfig } from '@/features/sso/config';
import { ssoMessage } from '@/features/sso/messages';
import { authorize } from '@/features/staff/context';
import { clientAddress, isSecureRequest } from '@/lib/http/request';
import { setSessionCookie } from '@/lib/http/session-cookie';
import { rowId } from '@/lib/row-id';
import { challengeCookieName } from '@/lib/security/session-token';
import { beginPasskeyAdd, finishPasskeyAdd, removePasskey, renamePasskey } from './passkeys';
import { assertionSchema, registrationSchema } from './schemas';
import { beginPasskeySignIn, completeChallengeWithPasskey, signInWithPasskey } from './sign-in';

// The passkey ceremonies' server halves, called by the components with what the browser's WebAuthn API
// answered (passkeys need JavaScript; the password and code forms stay for browsers without). Every input is
// checked for shape here and for meaning in the data layer; the flow's token travels in a cookie of its own.

export type PasskeyState = { error?: string; codes?: string[]; done?: boolean };

const PAGE = '/admin/two-factor';
const minutes = (seconds: number) => {
  const n = Math.ceil(seconds / 60);
  return `${n} minute${n === 1 ? '' : 's'}`;
};
const UNAVAILABLE = 'Passkeys are not available on this site: its address (SITE_URL) is not an https domain name.';
const EXPIRED = 'That took too long, or was finished in another tab. Try again.';

/**
 * A ceremony under way: its flow's token, for the five minutes it lasts. `__Host-` over https; Strict, since
 * the browser answers from this site's own page.
 */
const passkeyCookieName = (secure: boolean) => (secure ? '__Host-admin_passkey' : 'admin_passkey');

async function flowCookie() {
  const secure = isSecureRequest(await headers());
  const jar = await cookies();
  const name = passkeyCookieName(secure);
  return {
    secure,
    jar,
    token: jar.get(name)?.value,
    set: (token: string, expiresAt: Date) =>
      jar.set(name, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt }),
    clear: () => jar.delete({ name, path: '/', secure, httpOnly: true, sameSite: 'strict' }),
  };
}

const addInput = z.object({ name: z.string().max(1000), password: z.string().max(1100) });

export async function beginAddPasskey(
  input: unknown,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON } | { error: string }> {
  await authorize(undefined, { enrolling: true });
  const parsed = addInput.safeParse(input);
  if (!parsed.success) return { error: 'This is not the passkey form. Reload the page.' };
  const result = await beginPasskeyAdd({ ...parsed.data, address: clientAddress(await headers()) });
  if (result.status === 'ok') {
    (await flowCookie()).set(result.token, result.expiresAt);
    return { options: result.options };
  }
  if (result.status === 'unavailable') return { error: UNAVAILABLE };
  if (result.status === 'name') return { error: result.message };
  if (result.status === 'too-many') return { error: 'You have as many passkeys as an account may: remove one first.' };
  if (result.status === 'wrong') return { error: 'Your password is not right. Type it again.' };
  return { error: `Too many wrong passwords from your network. Try again in ${minutes(result.retryAfter)}.` };
}

export async function finishAddPasskey(response: unknown): Promise<PasskeyState> {
  await authorize(undefined, { enrolling: true });
  const parsed = registrationSchema.safeParse(response);
  const cookie = await flowCookie();
  if (!parsed.success) return { error: 'The browser’s answer was not a passkey. Try again.' };
  const result = await finishPasskeyAdd({ token: cookie.token, response: parsed.data });
  cookie.clear();
  if (result.status === 'expired') return { error: EXPIRED };
  if (result.status === 'duplicate') return { error: 'That passkey is already on an account.' };
  if (result.status === 'failed') return { error: 'The passkey could not be checked. Try again, or another one.' };
  revalidatePath(PAGE);
  return { done: true, codes: result.codes ?? undefined };
}

const idOf = (form: FormData) => rowId.safeParse(form.get('id')).data;

export async function renamePasskeyForm(_state: PasskeyState, form: FormData): Promise<PasskeyState> {
  await authorize(undefined, { enrolling: true });
  const id = form instanceof FormData ? idOf(form) : undefined;
  if (id === undefined) return { error: 'This is not the passkey form. Reload the page.' };
  const result = await renamePasskey({ id, name: String(form.get('name') ?? '').slice(0, 1000) });
  if (result.status === 'name') return { error: result.message };
  if (result.status === 'gone') return { error: 'That passkey is no longer on your account. Reload the page.' };
  revalidatePath(PAGE);
  return { done: true };
}

export async function removePasskeyForm(_state: PasskeyState, form: FormData): Promise<PasskeyState> {
  await authorize(undefined, { enrolling: true });
  const id = form instanceof FormData ? idOf(form) : undefined;
  if (id === undefined) return { error: 'This is not the passkey form. Reload the page.' };
  const password = String(form.get('password') ?? '').slice(0, 1100);
  const result = await removePasskey({ id, password, address: clientAddress(await headers()) });
  if (result.status === 'gone') return { error: 'That passkey is no longer on your account. Reload the page.' };
  if (result.status === 'required') return { error: 'Your team requires a second factor: your last one stays.' };
  if (result.status === 'wrong') return { error: 'Your password is not right. Type it again.' };
  if (result.status === 'throttled')
    return { error: `Too many wrong passwords from your network. Try again in ${minutes(result.retryAfter)}.` };
  revalidatePath(PAGE);
  redirect(`${PAGE}?removed=passkey`);
}

const modeSchema = z.enum(['instead-of-password', 'second-step']);

/** The options for `navigator.credentials.get()`: any passkey of the site, or the account's after its password. */
export async function beginPasskeySignInAction(
  mode: unknown,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON } | { error: string }> {
  const parsed = modeSchema.safeParse(mode);
  if (!parsed.success) return { error: 'This is not the sign-in page. Reload it.' };
  const cookie = await flowCookie();
  const challengeToken =
    parsed.data === 'second-step' ? (cookie.jar.get(challengeCookieName(cookie.secure))?.value ?? '') : undefined;
  const result = await beginPasskeySignIn({ challengeToken, address: clientAddress(await headers()) });
  if (result.status === 'unavailable') return { error: UNAVAILABLE };
  if (result.status === 'throttled')
    return { error: `Too many sign-ins begun from your network. Try again in ${minutes(result.retryAfter)}.` };
  if (result.status === 'expired') return { error: EXPIRED };
  cookie.set(result.token, result.expiresAt);
  return { options: result.options };
}

/** The browser's signature checked; a session on success (the page then goes to the admin), else why not. */
export async function finishPasskeySignInAction(mode: unknown, response: unknown): Promise<{ error: string }> {
  const parsedMode = modeSchema.safeParse(mode);
  const parsed = assertionSchema.safeParse(response);
  if (!parsedMode.success || !parsed.success) return { error: 'The browser’s answer was not a passkey. Try again.' };
  const cookie = await flowCookie();
  const request = await headers();
  const common = {
    token: cookie.token,
    response: parsed.data,
    address: clientAddress(request),
    userAgent: request.get('user-agent'),
  };
  const challengeName = challengeCookieName(cookie.secure);
  const result =
    parsedMode.data === 'second-step'
      ? await completeChallengeWithPasskey({ ...common, challengeToken: cookie.jar.get(challengeName)?.value })
      : await signInWithPasskey(common);
  cookie.clear();
  if (result.status === 'throttled')
    return { error: `Too many failed sign-ins from your network. Try again in ${minutes(result.retryAfter)}.` };
  if (result.status === 'expired') return { error: EXPIRED };
  if (result.status === 'sso-only')
    return { error: ssoMessage({ error: 'sso-only', name: ssoConfig()?.name ?? null, email: null })! };
  if (result.status === 'invalid' || result.status === 'wrong')
    return { error: 'That passkey did not sign you in. Try another, or your password.' };
  await setSessionCookie({ secure: cookie.secure, ...result });
  redirect('/admin');
}
