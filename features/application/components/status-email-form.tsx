import { updateStatusWithEmail } from '@/features/application/actions';
import { StatusEmailFields } from '@/features/application/components/status-email';
import { SUBJECTS } from '@/features/mail/messages';
import { defaultStatusMessage } from '@/features/mail/status-messages';
import { site } from '@/lib/site';
import { STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

type Application = { fullName: string; email: string; postingTitle: string; status: ApplicationStatus };

/** One application's status change with its email, shown and editable first; sending makes the change. */
export function StatusEmailForm({
  id,
  application,
  move,
  view,
  back,
  refused,
}: {
  id: number;
  application: Application;
  move: ApplicationStatus;
  view: string;
  back: string;
  refused?: string;
}) {
  const message = defaultStatusMessage(move, {
    candidateName: application.fullName,
    postingTitle: application.postingTitle,
    companyName: site.companyName,
  });
  return (
    <article className="admin-detail">
      <h1>
        Move {application.fullName} to {STATUS_LABELS[move]} and email them
      </h1>
      <p>
        Nothing changes until you send: the status moves from {STATUS_LABELS[application.status]} to{' '}
        {STATUS_LABELS[move]} and this email goes to the candidate, together. Read it and change anything you like.
      </p>
      <form action={updateStatusWithEmail} className="admin-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="status" value={move} />
        <input type="hidden" name="view" value={view} />
        <dl className="admin-fields">
          <dt>To</dt>
          <dd>{application.email}</dd>
          <dt>Subject</dt>
          <dd>{SUBJECTS.status_update({ postingTitle: application.postingTitle, message })}</dd>
        </dl>
        <StatusEmailFields
          id="message"
          message={message}
          refused={refused}
          submit={`Move to ${STATUS_LABELS[move]} and send the email`}
          back={back}
        />
      </form>
    </article>
  );
}
