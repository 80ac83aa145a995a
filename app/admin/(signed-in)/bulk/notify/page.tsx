import type { Metadata } from 'next';
import { NothingToSend, StatusEmailFields } from '@/features/application/components/status-email';
import { BULK_LIMIT } from '@/features/application/schemas';
import { listSelection } from '@/features/application/status-changes';
import { bulkStatusWithEmail } from '@/features/inbox/actions';
import { parseIds } from '@/features/inbox/filter';
import { defaultStatusMessage } from '@/features/mail/status-messages';
import { site } from '@/lib/site';
import { isApplicationStatus, STATUS_LABELS } from '@/lib/status';

export const metadata: Metadata = { title: 'Email the chosen candidates' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The email a bulk status change sends, shown and editable first; nothing changes until it is sent. */
export default async function BulkNotifyPage({ searchParams }: Props) {
  const query = await searchParams;
  const ids = parseIds([query.ids ?? []].flat(), BULK_LIMIT);
  const view = typeof query.view === 'string' ? query.view.slice(0, 2000) : '';
  const status = isApplicationStatus(query.status) ? query.status : null;
  const found = (await listSelection({ ids })).filter((application) => application.status !== status);
  const back = `/admin${view ? `?${view}` : ''}`;
  if (!status || found.length === 0) {
    const reason = status
      ? `None of the chosen applications can move to ${STATUS_LABELS[status]}.`
      : 'Choose applications and a status first.';
    return <NothingToSend title="Nothing to send" reason={reason} back={back} backLabel="Back to the applications" />;
  }
  const message = defaultStatusMessage(status, {
    candidateName: '{name}',
    postingTitle:
      found.length && new Set(found.map((a) => a.postingTitle)).size === 1 ? found[0]!.postingTitle : 'the role',
    companyName: site.companyName,
  });
  return (
    <article className="admin-detail">
      <h1>
        Move {found.length} {found.length === 1 ? 'application' : 'applications'} to {STATUS_LABELS[status]} and email
        the candidates
      </h1>
      <p>
        Nothing changes until you send: each application moves and its candidate gets this email, together. Write{' '}
        <code>{'{name}'}</code> where each candidate’s own name goes.
      </p>
      <form action={bulkStatusWithEmail} className="admin-form">
        <input type="hidden" name="status" value={status} />
        <input type="hidden" name="view" value={view} />
        <h2>To</h2>
        <ul>
          {found.map((application) => (
            <li key={application.id}>
              <input type="hidden" name="ids" value={application.id} />
              {application.fullName} ({application.email}), {application.postingTitle}
            </li>
          ))}
        </ul>
        <StatusEmailFields
          id="bulk-message"
          message={message}
          refused={query.error === 'message' ? 'Write the email' : undefined}
          submit={`Move and send ${found.length} ${found.length === 1 ? 'email' : 'emails'}`}
          back={back}
        />
      </form>
    </article>
  );
}
