import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentViewer } from '@/features/staff/context';
import { ROLE_LABELS } from '@/lib/roles';

// Comfort only: sends a signed-out visitor to the sign-in page. Every query, action and route handler
// checks the session again itself. A route group, because the sign-in page must stay outside this check.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (!viewer) redirect('/admin/sign-in');
  if (viewer.mustEnrol) redirect('/admin/two-factor');
  return (
    <>
      <nav className="admin-nav" aria-label="Admin">
        <ul>
          <li>
            <Link href="/admin">Inbox</Link>
          </li>
          <li>
            <Link href="/admin/dashboard">Dashboard</Link>
          </li>
          <li>
            <Link href="/admin/interviews">My interviews</Link>
          </li>
          {viewer.role === 'reviewer' ? null : (
            <li>
              <Link href="/admin/team">Team</Link>
            </li>
          )}
          {viewer.role === 'owner' ? (
            <li>
              <Link href="/admin/audit">Audit log</Link>
            </li>
          ) : null}
          {viewer.role === 'owner' ? (
            <li>
              <Link href="/admin/webhooks">Webhooks</Link>
            </li>
          ) : null}
          {viewer.role === 'owner' ? (
            <li>
              <Link href="/admin/api-tokens">API tokens</Link>
            </li>
          ) : null}
          <li>
            <Link href="/admin/account">Your account</Link>
          </li>
        </ul>
        <form method="post" action="/admin/sign-out" className="admin-nav__account">
          <span>
            Signed in as {viewer.email} ({ROLE_LABELS[viewer.role].toLowerCase()})
          </span>
          <button type="submit" className="button button--secondary">
            Sign out
          </button>
        </form>
      </nav>
      {children}
    </>
  );
}
