import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { hasOpenChallenge } from '@/features/two-factor/challenge';
import { isSecureRequest } from '@/lib/http/request';
import { challengeCookieName } from '@/lib/security/session-token';

export const metadata: Metadata = { title: 'Sign-in code' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sign-in's second step: only while the browser holds an open challenge (the password was right). */
export default async function SignInCodePage({ searchParams }: Props) {
  const name = challengeCookieName(isSecureRequest(await headers()));
  if (!(await hasOpenChallenge((await cookies()).get(name)?.value))) redirect('/admin/sign-in?error=expired');
  const { error } = await searchParams;
  return (
    <section className="admin-narrow">
      <h1>Enter your sign-in code</h1>
      {error === 'invalid' ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">Could not sign you in</h2>
          <p>That code is not right, or was used already. Type the code your app shows now.</p>
        </div>
      ) : null}
      <form method="post" action="/admin/session/code">
        <div className="field">
          <label className="field__label" htmlFor="code">
            Code
          </label>
          <p className="field__hint" id="code-hint">
            The six digits your authenticator app shows for the hiring team, or one of your recovery codes.
          </p>
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="one-time-code"
            required
            maxLength={64}
            spellCheck={false}
            autoCapitalize="none"
            aria-describedby="code-hint"
            // The page exists for this one field: the focus belongs there.
            autoFocus
          />
        </div>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
      <p>
        <Link href="/admin/sign-in">Start again</Link>
      </p>
    </section>
  );
}
