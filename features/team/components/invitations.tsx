import { formatDateTime } from '@/components/ui/utc-date';
import type { listTeam } from '@/features/team/accounts';
import { invite, revoke } from '@/features/team/actions';
import { InviteForm } from '@/features/team/components/invite-form';
import { ROLE_LABELS } from '@/lib/roles';

/** The invitation form and the invitations not yet used, for owners. */
export function Invitations({ invitations }: { invitations: Awaited<ReturnType<typeof listTeam>>['invitations'] }) {
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a colleague</h2>
      <p>
        They get a link by email that works once, for seven days, and choose their own password. An invitation speaks
        for the person who sent it: it grants at most their role when it is used, and it is withdrawn if their account
        is disabled or loses its role.
      </p>
      <InviteForm action={invite} />
      {invitations.length ? (
        <>
          <h3>Invitations not yet accepted</h3>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} as {ROLE_LABELS[invitation.role].toLowerCase()}, until{' '}
                {formatDateTime(invitation.expiresAt)}{' '}
                <form action={revoke} className="inline-form">
                  <input type="hidden" name="invitation" value={invitation.id} />
                  <button type="submit" className="button button--secondary">
                    Withdraw<span className="visually-hidden"> the invitation of {invitation.email}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
