import { formatDateTime } from '@/components/ui/utc-date';
import type { listTeam } from '@/features/team/accounts';
import {
  removeSecondFactor,
  requireSecondFactor,
  sendReset,
  updateDisabled,
  updateRole,
} from '@/features/team/actions';
import { ROLE_LABELS, ROLES } from '@/lib/roles';

// Long: one table's markup with its two forms per row.
/** Every account with its role and state; owners change them in place (plain forms, no JavaScript needed). */
export function AccountsTable({ team, owner }: { team: Awaited<ReturnType<typeof listTeam>>; owner: boolean }) {
  const me = team.users.find((user) => user.id === team.viewerId);
  const viewerHasFactor = Boolean(me?.secondFactorSince || me?.passkeys);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Accounts</h2>
      {owner ? (
        <form action={requireSecondFactor} className="inline-form">
          <input type="hidden" name="required" value={team.secondFactorRequired ? 'no' : 'yes'} />
          <p>
            {team.secondFactorRequired
              ? 'A second factor is required of everyone: members without one set it up before anything else.'
              : 'A second factor is optional: each member chooses.'}{' '}
            {!team.secondFactorRequired && !viewerHasFactor
              ? 'You have none yet: once it is required, you too will set one up before anything else. '
              : null}
            <button type="submit" className="button button--secondary">
              {team.secondFactorRequired ? 'Stop requiring a second factor' : 'Require a second factor of everyone'}
            </button>
          </p>
        </form>
      ) : (
        <p>{team.secondFactorRequired ? 'A second factor is required of everyone.' : 'A second factor is optional.'}</p>
      )}
      <div className="table-scroll" role="region" aria-labelledby="members-heading" tabIndex={0}>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Second factor</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {team.users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.email}
                  {user.id === team.viewerId ? ' (you)' : ''}
                </th>
                <td>
                  {owner ? (
                    <form action={updateRole} className="inline-form">
                      <input type="hidden" name="userId" value={user.id} />
                      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                        Role of {user.email}
                      </label>
                      <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary">
                        Change role<span className="visually-hidden"> of {user.email}</span>
                      </button>
                    </form>
                  ) : (
                    ROLE_LABELS[user.role]
                  )}
                </td>
                <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</td>
                <td>
                  {factorWords(user)}
                  {/* Not on oneself: one's own are removed, after the password, on the two-factor page. A
                      disclosure first, so a slip of the mouse does not take a colleague's away. */}
                  {owner && user.id !== team.viewerId && (user.secondFactorSince || user.passkeys) ? (
                    <details className="inline-form">
                      <summary>
                        Remove…<span className="visually-hidden"> the second factor of {user.email}</span>
                      </summary>
                      <p>Their app, passkeys and recovery codes go, and their sessions end.</p>
                      <form action={removeSecondFactor}>
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className="button button--danger">
                          Remove<span className="visually-hidden"> the second factor of {user.email}</span>
                        </button>
                      </form>
                    </details>
                  ) : null}
                </td>
                <td>
                  {user.disabledAt ? `Disabled ${formatDateTime(user.disabledAt)}` : 'Active'}
                  {owner ? (
                    <form action={updateDisabled} className="inline-form">
                      <input type="hidden" name="userId" value={user.id} />
                      <input type="hidden" name="disable" value={user.disabledAt ? 'no' : 'yes'} />
                      <button type="submit" className="button button--secondary">
                        {user.disabledAt ? 'Enable' : 'Disable'}
                        <span className="visually-hidden"> {user.email}</span>
                      </button>
                    </form>
                  ) : null}
                  {owner && !user.disabledAt ? (
                    <form action={sendReset} className="inline-form">
                      <input type="hidden" name="userId" value={user.id} />
                      <button type="submit" className="button button--secondary">
                        Send a password reset<span className="visually-hidden"> to {user.email}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function factorWords({ secondFactorSince, passkeys }: { secondFactorSince: Date | null; passkeys: number }): string {
  const held = [
    secondFactorSince ? 'Authenticator app' : null,
    passkeys ? `${passkeys} passkey${passkeys === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return held.length ? held.join(', ') : 'None';
}
