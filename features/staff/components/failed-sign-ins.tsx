import { formatDateTime } from '@/components/ui/utc-date';

/** Tells an admin, on signing in, that someone tried their account since they last signed in. */
export function FailedSignIns({ viewer }: { viewer: { failedAttempts: number; previousSignInAt: Date | null } }) {
  const { failedAttempts: n, previousSignInAt: since } = viewer;
  if (n === 0) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>
          {n} failed sign-in attempt{n === 1 ? '' : 's'} on your account
        </strong>{' '}
        since {since ? `your previous sign-in, ${formatDateTime(since)}` : 'the account was created'}. If that was not
        you, tell whoever runs this site; the audit log lists each attempt with its address.
      </p>
    </div>
  );
}
