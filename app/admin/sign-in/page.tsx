import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { hasAnyAdmin } from '@/features/staff/auth';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'Sign in' };

const INVALID = 'The email address or password is not right. Check them and try again.';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentViewer()) redirect('/admin');
  const { error, joined } = await searchParams;
  const message = error === 'invalid' ? INVALID : undefined;
  if (!(await hasAnyAdmin())) {
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
  return (
    <section className="admin-narrow">
      <h1>Sign in to the admin area</h1>
      {joined === '1' ? (
        <p className="notice" role="status">
          Your account is ready. Sign in with your email address and the password you chose.
        </p>
      ) : null}
      {message ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">Could not sign you in</h2>
          <p>{message}</p>
        </div>
      ) : null}
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
    </section>
  );
}
