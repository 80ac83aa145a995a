import { StatusEmailFields } from '@/features/application/components/status-email';
import type { listSelection } from '@/features/application/status-changes';
import { bulkStatusWithEmail } from '@/features/inbox/actions';
import { defaultStatusMessage } from '@/features/mail/status-messages';
import { site } from '@/lib/site';
import { STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

type Selection = Awaited<ReturnType<typeof listSelection>>;

/** A selection's status change with one email, `{name}` for each candidate's name; nothing changes until sent. */
export function BulkEmailForm({
  found,
  status,
  view,
  back,
  refused,
}: {
  found: Selection;
  status: ApplicationStatus;
  view: string;
  back: string;
  refused?: string;
}) {
  const titles = new Set(found.map((a) => a.postingTitle));
  const message = defaultStatusMessage(status, {
    candidateName: '{name}',
    postingTitle: titles.size === 1 ? found[0]!.postingTitle : 'the role',
    companyName: site.companyName,
  });
  const many = (one: string, more: string) => `${found.length} ${found.length === 1 ? one : more}`;
  return (
    <article className="admin-detail">
      <h1>
        Move {many('application', 'applications')} to {STATUS_LABELS[status]} and email the candidates
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
          refused={refused}
          submit={`Move and send ${many('email', 'emails')}`}
          back={back}
        />
      </form>
    </article>
  );
}
