import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FormError } from '@/components/ui/form-error';
import { PasskeySignIn } from '@/features/passkeys/components/passkey-sign-in';
import { relyingParty } from '@/features/passkeys/relying-party';
import { challengeFactors } from '@/features/two-factor/challenge';
import { isSecureRequest } from '@/lib/http/request';
import { challengeCookieName } from '@/lib/security/session-token';

export const metadata: Metadata = { title: 'Sign-in code' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The sign-in's second step: only while the browser holds an open challenge (the password was right). The
 * account's passkey, when it has one, and the code of its app or a recovery code.
 */
export default async function SignInCodePage({ searchParams }: Props) {
  const name = challengeCookieName(isSecureRequest(await headers()));
  const factors = await challengeFactors((await cookies()).get(name)?.value);
  if (!factors) redirect('/admin/sign-in?error=expired');
  const { error } = await searchParams;
  const invalid = error === 'invalid' ? { 'aria-invalid': true, 'aria-describedby': 'code-hint code-error' } : {};
  return (
    <section className="admin-narrow">
      <h1>{factors.app ? 'Enter your sign-in code' : 'Confirm it is you'}</h1>
      {error === 'invalid' ? (
        <FormError title="Could not sign you in" id="code-error">
          That code is not right, or was used already.{' '}
          {factors.app ? 'Type the code your app shows now.' : 'Check the recovery code and type it again.'}
        </FormError>
      ) : null}
      {factors.passkey && relyingParty() ? <PasskeySignIn mode="second-step" label="Use your passkey" /> : null}
      <form method="post" action="/admin/session/code">
        <div className="field">
          <label className="field__label" htmlFor="code">
            {factors.app ? 'Code' : 'Recovery code'}
          </label>
          <p className="field__hint" id="code-hint">
            {factors.app
              ? 'The six digits your authenticator app shows for the hiring team, or one of your recovery codes.'
              : 'Without your passkey at hand: one of the recovery codes you saved when you added it.'}
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
            {...invalid}
            // The page exists for this one field: the focus belongs there (the passkey button is one Tab back).
            autoFocus={factors.app}
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
