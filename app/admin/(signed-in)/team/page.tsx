import type { Metadata } from 'next';
import { formatDateTime } from '@/components/admin/format';
import { InviteForm } from '@/components/admin/invite-form';
import { Notice } from '@/components/ui/notice';
import { currentViewer } from '@/db/admin/context';
import { listTeam } from '@/db/admin/team';
import { listAllPostings } from '@/lib/content';
import { TEAM_ERRORS, TEAM_SAVED } from '@/lib/team/notices';
import { ROLE_HINTS, ROLE_LABELS, ROLES } from '@/lib/team/roles';
import { invite, revoke, updateDisabled, updatePostingTeam, updateRole } from './actions';

export const metadata: Metadata = { title: 'Team' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ searchParams }: Props) {
  const viewer = await currentViewer();
  if (!viewer || viewer.role === 'reviewer') {
    return (
      <>
        <h1>Team</h1>
        <p>Only owners and recruiters manage the team. Ask an owner to change your role if you need to.</p>
      </>
    );
  }
  const query = await searchParams;
  const [team, postings] = await Promise.all([listTeam(), listAllPostings()]);
  const owner = viewer.role === 'owner';
  const reviewers = team.users.filter((user) => user.role === 'reviewer' && !user.disabledAt);
  return (
    <>
      <h1>Team</h1>
      <Notice query={query} saved={TEAM_SAVED} errors={TEAM_ERRORS} />
      <dl className="admin-fields">
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{ROLE_LABELS[role]}</dt>
            <dd>{ROLE_HINTS[role]}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Accounts</h2>
        <div className="table-scroll" role="region" aria-labelledby="members-heading" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Last sign-in</th>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {owner ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite a colleague</h2>
          <p>
            They get a link by email that works once, for seven days, and choose their own password. An invitation
            speaks for the person who sent it: it grants at most their role when it is used, and it is withdrawn if
            their account is disabled or loses its role.
          </p>
          <InviteForm action={invite} />
          {team.invitations.length ? (
            <>
              <h3>Invitations not yet accepted</h3>
              <ul>
                {team.invitations.map((invitation) => (
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
      ) : null}

      <section aria-labelledby="postings-heading">
        <h2 id="postings-heading">Who reviews each posting</h2>
        <p>
          Reviewers see only the postings they are on: chosen here, or named in the posting’s <code>hiringTeam:</code>.
          Owners and recruiters see every posting.
        </p>
        {reviewers.length === 0 ? (
          <p>There are no active reviewers yet.</p>
        ) : (
          postings.map((posting) => (
            <form key={posting.slug} action={updatePostingTeam} className="admin-form">
              <input type="hidden" name="posting" value={posting.slug} />
              <fieldset>
                <legend>{posting.title}</legend>
                {reviewers.map((user) => {
                  const named = posting.hiringTeam.includes(user.email);
                  const id = `team-${posting.slug}-${user.id}`;
                  return (
                    <div className="field field--checkbox" key={user.id}>
                      <input
                        id={id}
                        type="checkbox"
                        name="member"
                        value={user.id}
                        defaultChecked={user.postings.includes(posting.slug)}
                      />
                      <label htmlFor={id}>
                        {user.email}
                        {named ? ' (also named in the posting’s hiringTeam)' : ''}
                      </label>
                    </div>
                  );
                })}
                <button type="submit" className="button button--secondary">
                  Save<span className="visually-hidden"> the team of {posting.title}</span>
                </button>
              </fieldset>
            </form>
          ))
        )}
      </section>
    </>
  );
}
