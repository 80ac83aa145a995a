import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/index';
import { resetWithLink } from '@/features/staff/account-actions';
import { PasswordForm } from '@/features/staff/components/password-form';
import { findPasswordReset } from '@/features/staff/reset-links';

// The token is in this page's path: requests from it name only the origin (see the join page for why not
// `no-referrer`).
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'strict-origin' };

const WHY = {
  unknown: 'This link is not a valid password link. Check that it was copied whole.',
  used: 'This link has been used already.',
  expired: 'This link has expired: it works for one hour.',
  'sso-only': 'Your team signs in with single sign-on only: passwords are off. Sign in with single sign-on.',
} as const;

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findPasswordReset({ database: await getDb(), token });
  if ('problem' in found) {
    return (
      <section className="admin-narrow">
        <h1>Choose a new password</h1>
        <p>{WHY[found.problem]}</p>
        <p>
          <Link href="/admin/password-reset">Ask for a new link</Link> or <Link href="/admin/sign-in">sign in</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="admin-narrow">
      <h1>Choose a new password</h1>
      <p>For {found.email}. Choosing it signs this account out everywhere; then sign in with the new password.</p>
      <PasswordForm
        email={found.email}
        token={token}
        action={resetWithLink}
        permalink={`/admin/password-reset/${token}`}
        submit="Set the new password"
        failed="Your password is not changed"
      />
    </section>
  );
}
