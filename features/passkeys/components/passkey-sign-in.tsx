'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/ui/form-error';
import { beginPasskeySignInAction, finishPasskeySignInAction } from '../actions';
import { usePasskeysSupported } from './supported';

/**
 * "Sign in with a passkey": instead of the password on the sign-in page, or as the second step after it. Shown
 * only where the browser can use passkeys (it needs JavaScript; the forms beside it do not).
 */
export function PasskeySignIn({ mode, label }: { mode: 'instead-of-password' | 'second-step'; label: string }) {
  const supported = usePasskeysSupported();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (!supported) return null;
  const signIn = () =>
    startTransition(async () => {
      setError(undefined);
      const begun = await beginPasskeySignInAction(mode);
      if ('error' in begun) return setError(begun.error);
      const response = await startAuthentication({ optionsJSON: begun.options }).catch(() => null);
      if (!response) return setError('No passkey was used: the browser’s window was closed, or it timed out.');
      // A success redirects to the admin; only a refusal comes back.
      const finished = await finishPasskeySignInAction(mode, response);
      if (finished?.error) setError(finished.error);
    });
  return (
    <div className="passkey-sign-in">
      {error ? <FormError title="Could not sign you in">{error}</FormError> : null}
      <button type="button" className="button button--secondary" onClick={signIn} disabled={pending}>
        {label}
      </button>
    </div>
  );
}
