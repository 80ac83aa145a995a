import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { SsoOnlyForm } from '@/features/sso/components/sso-only-form';
import { ssoStatus } from '@/features/sso/settings';
import { currentViewer } from '@/features/staff/context';
import { listTeam } from '@/features/team/accounts';
import { AccountsTable } from '@/features/team/components/accounts-table';
import { Invitations } from '@/features/team/components/invitations';
import { PostingTeams } from '@/features/team/components/posting-teams';
import { TEAM_ERRORS, TEAM_SAVED } from '@/features/team/notices';
import { listAllPostings } from '@/lib/content';
import { ROLE_HINTS, ROLE_LABELS, ROLES } from '@/lib/roles';

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
  const [team, postings, sso] = await Promise.all([listTeam(), listAllPostings(), ssoStatus()]);
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
      <AccountsTable team={team} owner={owner} />
      {sso ? <SsoOnlyForm status={sso} owner={owner} /> : null}
      {owner ? <Invitations invitations={team.invitations} /> : null}
      <PostingTeams postings={postings} reviewers={reviewers} />
    </>
  );
}
