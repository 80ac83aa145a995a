import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { updateStatusWithEmail } from '@/features/application/actions';
import { NothingToSend, StatusEmailFields } from '@/features/application/components/status-email';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { SUBJECTS } from '@/features/mail/messages';
import { defaultStatusMessage } from '@/features/mail/status-messages';
import { site } from '@/lib/site';
import { isApplicationStatus, STATUS_LABELS } from '@/lib/status';

export const metadata: Metadata = { title: 'Email the candidate' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The email a status change sends, shown and editable before anything changes; sending it makes the change. */
export default async function NotifyPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const application = await getApplication({ id });
  if (!application || application.erasedAt) notFound();
  const view = filterQuery(parseInboxFilter(query));
  const back = `/admin/applications/${id}${view ? `?${view}` : ''}`;
  const move = isApplicationStatus(query.move) ? query.move : null;
  if (!move || move === application.status) {
    const reason = move ? `The application is already ${STATUS_LABELS[move]}.` : 'Choose the new status first.';
    return (
      <NothingToSend
        title="Nothing to tell the candidate"
        reason={reason}
        back={back}
        backLabel="Back to the application"
      />
    );
  }
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
          refused={query.error === 'message' ? 'Write the email to the candidate' : undefined}
          submit={`Move to ${STATUS_LABELS[move]} and send the email`}
          back={back}
        />
      </form>
    </article>
  );
}
