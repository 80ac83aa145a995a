'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { FormError } from '@/components/ui/form-error';

export type TwoFactorState = { error?: string; codes?: string[] };

/** Recovery codes, shown once: to be saved before leaving the page. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  // They replace the form that made them: the focus moves to their heading, so a screen reader reads them
  // out and the keyboard goes on from there (without JavaScript the page loads with them in place).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="codes-heading" className="notice">
      <h2 id="codes-heading" ref={heading} tabIndex={-1}>
        Your recovery codes
      </h2>
      <p>
        Each signs you in once when you do not have your phone. Save them now, in a password manager or on paper: they
        are not shown again. New ones replace these.
      </p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href="/admin">I have saved them: go to the admin</a>
      </p>
    </section>
  );
}

/**
 * One field and a button, under useActionState: the code confirming a setup, or the password before new
 * recovery codes or turning the app off. Kept in the page whatever the account's state (`children` shows only
 * while `open`), so without JavaScript the codes the action returns still find their place on the page.
 */
export function TwoFactorForm({
  action,
  permalink,
  field,
  submit,
  failed,
  open,
  children,
}: {
  action: (state: TwoFactorState, form: FormData) => Promise<TwoFactorState>;
  permalink: string;
  field: 'code' | 'password';
  submit: string;
  failed: string;
  open: boolean;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  if (state.codes) return <RecoveryCodes codes={state.codes} />;
  if (!open) return null;
  const id = `${field}-${submit.replace(/\W+/g, '-').toLowerCase()}`;
  const errorId = `${id}-error`;
  const invalid = state.error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <>
      {children}
      <form action={formAction}>
        {state.error ? (
          <FormError title={failed} id={errorId}>
            {state.error}
          </FormError>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {field === 'code' ? 'The six-digit code the app shows' : 'Your password'}
          </label>
          {field === 'code' ? (
            <input
              id={id}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={16}
              {...invalid}
            />
          ) : (
            <input id={id} name="password" type="password" autoComplete="current-password" required {...invalid} />
          )}
        </div>
        <button type="submit" className="button" disabled={pending}>
          {submit}
        </button>
      </form>
    </>
  );
}
