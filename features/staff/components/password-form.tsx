'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { PASSWORD_MIN_LENGTH } from '@/features/staff/password-rules';

type State = { error?: string };

/**
 * Choosing a password, typed twice: joining the team, a reset link, and changing one's own (`current` asks for
 * the present one first). Works without JavaScript: the page is the action's permalink.
 */
export function PasswordForm({
  email,
  token,
  current = false,
  action,
  permalink,
  submit,
  failed,
}: {
  email: string;
  token?: string;
  current?: boolean;
  action: (state: State, form: FormData) => Promise<State>;
  permalink: string;
  /** The button's words. */
  submit: string;
  /** The error summary's title: what did not happen. */
  failed: string;
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  return (
    <form action={formAction}>
      {state.error ? <FormError title={failed}>{state.error}</FormError> : null}
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {/* For password managers: the account this password belongs to. They skip type="hidden", so a text
          field out of sight and out of the accessibility tree. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {current ? (
        <div className="field">
          <label className="field__label" htmlFor="current">
            Your current password
          </label>
          <input id="current" name="current" type="password" autoComplete="current-password" required />
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="password">
          {current ? 'New password' : 'Choose a password'}
        </label>
        <p className="field__hint" id="password-hint">
          At least {PASSWORD_MIN_LENGTH} characters. A sentence you will remember is a good password.
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-describedby="password-hint"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="confirm">
          The same password again
        </label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
