import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { PasskeySignIn } from '@/features/passkeys/components/passkey-sign-in';
import { relyingParty } from '@/features/passkeys/relying-party';
import { SsoButton } from '@/features/sso/components/sso-button';
import { ssoConfig } from '@/features/sso/config';
import { REFUSED_COOKIE, refusedEmail } from '@/features/sso/cookies';
import { ssoMessage } from '@/features/sso/messages';
import { ssoOnly } from '@/features/sso/settings';
import { hasAnyAdmin } from '@/features/staff/auth';
import { NoAccountYet, SignInForm } from '@/features/staff/components/sign-in-form';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'Sign in' };

const INVALID = 'The email address or password is not right. Check them and try again.';
const EXPIRED = 'The sign-in took too long, or was finished in another tab. Sign in again.';

// After joining the team or a reset link: what the next sign-in is with.
const NOTICES: Record<string, string> = {
  joined: 'Your account is ready. Sign in with your email address and the password you chose.',
  reset: 'Your new password is set, and every session of the account is signed out. Sign in with the new password.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentViewer()) redirect('/admin');
  const { error, joined, reset } = await searchParams;
  if (!(await hasAnyAdmin())) return <NoAccountYet />;
  const notice = joined === '1' ? NOTICES.joined : reset === '1' ? NOTICES.reset : undefined;
  const sso = ssoConfig();
  const email = error === 'sso-not-on-team' ? refusedEmail((await cookies()).get(REFUSED_COOKIE)?.value) : null;
  const message =
    ssoMessage({ error, name: sso?.name ?? null, email }) ??
    (error === 'invalid' ? INVALID : error === 'expired' ? EXPIRED : undefined);
  return (
    <SignInForm
      notice={notice}
      error={message}
      fieldsInvalid={error === 'invalid'}
      alternatives={sso ? <SsoButton name={sso.name} only={await ssoOnly(await getDb())} /> : null}
      others={relyingParty() ? <PasskeySignIn mode="instead-of-password" label="Sign in with a passkey" /> : null}
    />
  );
}
