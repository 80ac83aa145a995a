import type { Metadata } from 'next';
import Link from 'next/link';
import { FormError } from '@/components/ui/form-error';

export const metadata: Metadata = { title: 'Forgot your password?' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Asks for a reset link; the answer is the same whether the address has an account or not. */
export default async function PasswordResetPage({ searchParams }: Props) {
  const { sent, error } = await searchParams;
  return (
    <section className="admin-narrow">
      <h1>Forgot your password?</h1>
      {sent === '1' ? (
        <p className="notice" role="status">
          If that address has an account on the hiring team, we have emailed it a link to choose a new password. The
          link works once, for one hour. Nothing there? Check the spam folder, or ask an owner of the team to send you
          one.
        </p>
      ) : (
        <p>Enter the email address you sign in with: we will email you a link to choose a new password.</p>
      )}
      {error === 'email' ? (
        <FormError title="No link was sent">Enter an email address, like name@example.com.</FormError>
      ) : null}
      <form method="post" action="/admin/password-reset/request">
        <div className="field">
          <label className="field__label" htmlFor="email">
            Email address
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required spellCheck={false} />
        </div>
        <button type="submit" className="button">
          Email me a link
        </button>
      </form>
      <p>
        <Link href="/admin/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
