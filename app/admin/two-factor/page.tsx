import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import { beginSetup, confirmSetup, makeRecoveryCodes, turnOffApp } from '@/features/two-factor/actions';
import { twoFactorStatus } from '@/features/two-factor/app';
import { TwoFactorForm } from '@/features/two-factor/components/two-factor-form';
import { RECOVERY_CODE_COUNT } from '@/features/two-factor/recovery';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

// Outside the signed-in layout: a member the team requires a second factor of comes here before any other
// page, and the layout's menu would lead nowhere for them. The data layer lets them through to this page only.
export default async function TwoFactorPage() {
  const status = await twoFactorStatus();
  const PAGE = '/admin/two-factor';
  return (
    <article className="admin-narrow">
      <h1>Two-factor sign-in</h1>
      {status.required && !status.app ? (
        <p className="notice" role="status">
          Your team requires a second factor. Set up an authenticator app to go on to the admin.
        </p>
      ) : null}
      {status.app ? (
        <p>
          An authenticator app is on since {formatDateTime(status.app.since)}: signing in asks for its code after your
          password. Recovery codes left: {status.recoveryLeft} of {RECOVERY_CODE_COUNT}.
        </p>
      ) : (
        <p>
          With an authenticator app (on your phone or in your password manager), signing in asks for a six-digit code
          the app makes after your password: someone who learns your password cannot sign in without it.
        </p>
      )}
      {!status.app && !status.setup ? (
        <form action={beginSetup}>
          <button type="submit" className="button">
            Set up an authenticator app
          </button>
        </form>
      ) : null}
      <TwoFactorForm
        action={confirmSetup}
        permalink={PAGE}
        field="code"
        submit="Turn on"
        failed="The app is not on yet"
        open={Boolean(status.setup)}
      >
        {status.setup ? (
          <ol className="setup-steps">
            <li>
              <p>Scan this QR code with the app:</p>
              {/* A data: URL drawn on the server; next/image would add nothing to it. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={status.setup.qr}
                alt={`QR code for the hiring team account ${status.email}`}
                width={200}
                height={200}
              />
            </li>
            <li>
              <p>
                Or type this key into the app: <code className="setup-key">{status.setup.secret}</code>
              </p>
            </li>
            <li>
              <p>Type the code the app shows now:</p>
            </li>
          </ol>
        ) : null}
      </TwoFactorForm>
      {status.app ? <h2>Recovery codes</h2> : null}
      <TwoFactorForm
        action={makeRecoveryCodes}
        permalink={PAGE}
        field="password"
        submit="Make new recovery codes"
        failed="No new codes were made"
        open={Boolean(status.app)}
      >
        <p>New codes replace the old ones, used or not. Your password first:</p>
      </TwoFactorForm>
      {status.app && !status.required ? <h2>Turn it off</h2> : null}
      <TwoFactorForm
        action={turnOffApp}
        permalink={PAGE}
        field="password"
        submit="Turn off the authenticator app"
        failed="The app is still on"
        open={Boolean(status.app) && !status.required}
      >
        <p>Signing in will ask for your password alone. Your password first:</p>
      </TwoFactorForm>
      {status.required && !status.app ? (
        <form method="post" action="/admin/sign-out">
          <button type="submit" className="button button--secondary">
            Sign out
          </button>
        </form>
      ) : (
        <p>
          <Link href="/admin/account">Back to your account</Link>
        </p>
      )}
    </article>
  );
}
