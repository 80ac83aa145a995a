import Link from 'next/link';
import type { ReactNode } from 'react';
import { FormError } from '@/components/ui/form-error';

/**
 * The sign-in form, posted to /admin/session (it works without JavaScript), with what the last try said, and
 * the other ways in: single sign-on above it, a passkey after it.
 */
export function SignInForm({
  notice,
  error,
  fieldsInvalid = false,
  alternatives,
  others,
}: {
  notice?: string;
  error?: string;
  /** The error is about what was typed (a wrong password), not about another way in. */
  fieldsInvalid?: boolean;
  alternatives?: ReactNode;
  others?: ReactNode;
}) {
  const invalid = error && fieldsInvalid ? { 'aria-invalid': true, 'aria-describedby': 'sign-in-error' } : {};
  return (
    <section className="admin-narrow">
      <h1>Sign in to the admin area</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <FormError title="Could not sign you in" id="sign-in-error">
          {error}
        </FormError>
      ) : null}
      {alternatives}
      <form method="post" action="/admin/session">
        <div className="field">
          <label className="field__label" htmlFor="email">
            Email address
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username webauthn"
            required
            spellCheck={false}
            {...invalid}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="password">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required {...invalid} />
        </div>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
      {others}
      <p>
        <Link href="/admin/password-reset">Forgot your password?</Link>
      </p>
    </section>
  );
}

/** Before the first account exists: how to make it, on the server. */
export function NoAccountYet() {
  return (
    <section className="admin-narrow">
      <h1>Admin</h1>
      <div className="notice">
        <h2>No admin account yet</h2>
        <p>Create the first account on the server, from the project folder:</p>
        <pre className="admin-code">npm run admin:create -- --email you@example.com</pre>
        <p>The command asks for the password without showing it. Then reload this page and sign in.</p>
      </div>
    </section>
  );
}
