'use client';

import { useActionState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@/features/staff/password';
import type { JoinState } from '@/features/team/join-actions';

/** The password form of an invitation; works without JavaScript (the page is the action's permalink). */
export function JoinForm({
  email,
  token,
  action,
  permalink,
}: {
  email: string;
  token: string;
  action: (state: JoinState, form: FormData) => Promise<JoinState>;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  return (
    <form action={formAction}>
      {state.error ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">Your password is not set yet</h2>
          <p>{state.error}</p>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <div className="field">
        <label className="field__label" htmlFor="password">
          Choose a password
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
        Join the team
      </button>
    </form>
  );
}
