import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/index';
import { PasswordForm } from '@/features/staff/components/password-form';
import { findInvitation } from '@/features/team/invitations';
import { join } from '@/features/team/join-actions';
import { ROLE_HINTS, ROLE_LABELS } from '@/lib/roles';

// The token is in this page's path: requests from it name only the origin. Not `no-referrer`, which would make
// Chrome send `Origin: null` with the form, which Next refuses for a server action.
export const metadata: Metadata = { title: 'Join the hiring team', referrer: 'strict-origin' };

const WHY = {
  unknown: 'This link is not a valid invitation. Check that it was copied whole.',
  used: 'This invitation has been used already. If it was you, sign in.',
  expired: 'This invitation has expired.',
} as const;

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitation({ database: await getDb(), token });
  if (!found.invitation) {
    return (
      <section className="admin-narrow">
        <h1>Join the hiring team</h1>
        <p>{WHY[found.problem]} Ask the owner who invited you for a new invitation if you need one.</p>
        <p>
          <Link href="/admin/sign-in">Sign in</Link>
        </p>
      </section>
    );
  }
  const { email, role } = found.invitation;
  return (
    <section className="admin-narrow">
      <h1>Join the hiring team</h1>
      <p>
        You are joining as {email}, with the role {ROLE_LABELS[role].toLowerCase()}: {ROLE_HINTS[role]}
      </p>
      <PasswordForm
        email={email}
        token={token}
        action={join}
        permalink={`/admin/join/${token}`}
        submit="Join the team"
        failed="Your password is not set yet"
      />
    </section>
  );
}
