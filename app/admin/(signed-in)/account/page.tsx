import type { Metadata } from 'next';
import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/components/ui/utc-date';
import { changeOwnPassword, endOtherSessions, endSession } from '@/features/staff/account-actions';
import { ACCOUNT_ERRORS, ACCOUNT_SAVED } from '@/features/staff/account-notices';
import { PasswordForm } from '@/features/staff/components/password-form';
import { authorize } from '@/features/staff/context';
import { listOwnSessions } from '@/features/staff/sessions';
import { twoFactorStatus, type TwoFactorStatus } from '@/features/two-factor/app';

export const metadata: Metadata = { title: 'Your account' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const [{ viewer }, sessions, twoFactor, query] = await Promise.all([
    authorize(),
    listOwnSessions(),
    twoFactorStatus(),
    searchParams,
  ]);
  const others = sessions.filter((session) => !session.current).length;
  return (
    <article className="admin-detail">
      <h1>Your account</h1>
      <Notice query={query} saved={ACCOUNT_SAVED} errors={ACCOUNT_ERRORS} />
      <section aria-labelledby="password-heading" className="admin-narrow">
        <h2 id="password-heading">Change your password</h2>
        <p>Changing it signs you out everywhere but here, and we email you that it changed.</p>
        <PasswordForm
          email={viewer.email}
          current
          action={changeOwnPassword}
          permalink="/admin/account"
          submit="Change password"
          failed="Your password is not changed"
        />
      </section>
      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        <p>{secondFactorSummary(twoFactor)}</p>
        <p>
          <Link href="/admin/two-factor">
            {twoFactor.app || twoFactor.passkeys
              ? 'Manage two-factor sign-in and passkeys'
              : 'Set up two-factor sign-in'}
          </Link>
        </p>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <p>
          Sessions end after a while without use. If you do not recognise one, sign it out and change your password.
        </p>
        <div className="table-scroll" role="region" aria-labelledby="sessions-heading" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Signed in from</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Sign out</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <th scope="row">
                    {session.device}
                    {session.current ? ' (this session)' : ''}
                  </th>
                  <td>{session.address ?? 'Unknown'}</td>
                  <td>{formatDateTime(session.createdAt)}</td>
                  <td>{formatDateTime(session.lastSeenAt)}</td>
                  <td>
                    {session.current ? null : (
                      <form action={endSession} className="inline-form">
                        <input type="hidden" name="session" value={session.id} />
                        <button type="submit" className="button button--secondary">
                          Sign out
                          <span className="visually-hidden">
                            {' '}
                            {session.device}, last used {formatDateTime(session.lastSeenAt)}
                          </span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {others > 1 ? (
          <form action={endOtherSessions}>
            <button type="submit" className="button button--secondary">
              Sign out all other sessions
            </button>
          </form>
        ) : null}
      </section>
    </article>
  );
}

function secondFactorSummary({ app, passkeys, recoveryLeft }: TwoFactorStatus): string {
  const held = [
    app ? 'an authenticator app' : null,
    passkeys ? `${passkeys} passkey${passkeys === 1 ? '' : 's'}` : null,
  ];
  const list = held.filter(Boolean).join(' and ');
  if (!list) return 'Off: signing in asks for your password alone.';
  return `On, with ${list}: signing in asks for one after your password. Recovery codes left: ${recoveryLeft}.`;
}
