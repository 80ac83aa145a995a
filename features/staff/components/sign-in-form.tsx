import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The sign-in form, posted to /admin/session (it works without JavaScript), with what the last try said, and
 * the other ways in (single sign-on) above it.
 */
export function SignInForm({
  notice,
  error,
  alternatives,
}: {
  notice?: string;
  error?: string;
  alternatives?: ReactNode;
}) {
  return (
    <section className="admin-narrow">
      <h1>Sign in to the admin area</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">Could not sign you in</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {alternatives}
      <form method="post" action="/admin/session">
        <div className="field">
          <label className="field__label" htmlFor="email">
            Email address
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required spellCheck={false} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="password">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
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
