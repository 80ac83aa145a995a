import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import { PasskeyAdd } from '@/features/passkeys/components/passkey-add';
import { PasskeyForms } from '@/features/passkeys/components/passkey-row';
import { listOwnPasskeys } from '@/features/passkeys/passkeys';
import { relyingParty } from '@/features/passkeys/relying-party';
import { beginSetup, confirmSetup, makeRecoveryCodes, turnOffApp } from '@/features/two-factor/actions';
import { twoFactorStatus } from '@/features/two-factor/app';
import { TwoFactorForm } from '@/features/two-factor/components/two-factor-form';
import { RECOVERY_CODE_COUNT } from '@/features/two-factor/recovery';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Outside the signed-in layout: a member the team requires a second factor of comes here before any other
// page, and the layout's menu would lead nowhere for them. The data layer lets them through to this page only.
export default async function TwoFactorPage({ searchParams }: Props) {
  const [status, passkeys, { removed }] = await Promise.all([twoFactorStatus(), listOwnPasskeys(), searchParams]);
  const PAGE = '/admin/two-factor';
  const hasFactor = Boolean(status.app) || passkeys.length > 0;
  // The team's rule keeps the last one: the app's "turn off" shows only while a passkey stays.
  const appMayGo = !status.required || passkeys.length > 0;
  const passkeysHere = relyingParty() !== null;
  return (
    <article className="admin-narrow">
      <h1>Two-factor sign-in</h1>
      {status.required && !hasFactor ? (
        <p className="notice" role="status">
          Your team requires a second factor. Set up an authenticator app or add a passkey to go on to the admin.
        </p>
      ) : null}
      {removed === 'passkey' ? (
        <p className="notice" role="status">
          The passkey is removed from your account.
        </p>
      ) : null}

      <h2>Authenticator app</h2>
      {status.app ? (
        <p>
          An authenticator app is on since {formatDateTime(status.app.since)}: signing in asks for its code after your
          password.
        </p>
      ) : (
        <p>
          With an authenticator app (on your phone or in your password manager), signing in asks for a six-digit code
          the app makes after your password: someone who learns your password cannot sign in without it.
        </p>
      )}
      <TwoFactorForm
        action={beginSetup}
        permalink={PAGE}
        field="password"
        submit="Set up an authenticator app"
        failed="The setup did not start"
        open={!status.app && !status.setup}
      >
        <p>Your password first, then the app&rsquo;s QR code:</p>
      </TwoFactorForm>
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
      {status.app && appMayGo ? <h3>Turn it off</h3> : null}
      <TwoFactorForm
        action={turnOffApp}
        permalink={PAGE}
        field="password"
        submit="Turn off the authenticator app"
        failed="The app is still on"
        open={Boolean(status.app) && appMayGo}
      >
        <p>
          {passkeys.length
            ? 'Your passkeys stay a second factor. Your password first:'
            : 'Signing in will ask for your password alone. Your password first:'}
        </p>
      </TwoFactorForm>

      <h2>Passkeys</h2>
      <p>
        A passkey is a key your device, security key or password manager keeps for this site alone, unlocked with your
        fingerprint, face or PIN. It signs you in after your password, or instead of it, and no fake site can use it.
      </p>
      {passkeysHere ? null : (
        <p className="notice">
          Passkeys are not available here: browsers make them only for a site on an https domain name, and this
          site&rsquo;s address (SITE_URL) is not one.
        </p>
      )}
      {passkeys.length ? (
        <ul className="passkeys">
          {passkeys.map((key) => (
            <li key={key.id}>
              <p>
                <strong>{key.name}</strong>: added {formatDateTime(key.createdAt)},{' '}
                {key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : 'not used yet'}
                {key.backedUp ? ', synced across devices' : ', on this one device or key'}.
              </p>
              <PasskeyForms id={key.id} name={key.name} permalink={PAGE} />
            </li>
          ))}
        </ul>
      ) : (
        <p>You have no passkeys yet.</p>
      )}
      {passkeysHere ? <PasskeyAdd email={status.email} /> : null}

      {hasFactor ? (
        <>
          <h2>Recovery codes</h2>
          <p>
            Recovery codes left: {status.recoveryLeft} of {RECOVERY_CODE_COUNT}. Each signs you in once when your second
            factor is not at hand.
          </p>
        </>
      ) : null}
      <TwoFactorForm
        action={makeRecoveryCodes}
        permalink={PAGE}
        field="password"
        submit="Make new recovery codes"
        failed="No new codes were made"
        open={hasFactor}
      >
        <p>New codes replace the old ones, used or not. Your password first:</p>
      </TwoFactorForm>

      {status.required && !hasFactor ? (
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
