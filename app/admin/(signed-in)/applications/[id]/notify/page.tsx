import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getApplication } from '@/db/admin/applications';
import { filterQuery, parseInboxFilter } from '@/lib/admin/filter';
import { parseApplicationId } from '@/lib/admin/schemas';
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/application/status';
import { SUBJECTS } from '@/lib/mail/messages';
import { defaultStatusMessage, STATUS_MESSAGE_MAX_CHARS } from '@/lib/mail/status-messages';
import { site } from '@/lib/site';
import { updateStatusWithEmail } from '../actions';

export const metadata: Metadata = { title: 'Email the candidate' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const isStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);

/** The email a status change sends, shown and editable before anything changes; sending it makes the change. */
export default async function NotifyPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const application = await getApplication(id);
  if (!application || application.erasedAt) notFound();
  const view = filterQuery(parseInboxFilter(query));
  const back = `/admin/applications/${id}${view ? `?${view}` : ''}`;
  const move = isStatus(query.move) ? query.move : null;
  if (!move || move === application.status) {
    return (
      <article className="admin-detail">
        <h1>Nothing to tell the candidate</h1>
        <p>
          {move ? `The application is already ${STATUS_LABELS[move]}.` : 'Choose the new status first.'}{' '}
          <Link href={back}>Back to the application</Link>
        </p>
      </article>
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
      {query.error === 'message' ? (
        <p className="error-summary" role="alert" id="message-error">
          Write the email to the candidate (at most {STATUS_MESSAGE_MAX_CHARS.toLocaleString('en')} characters), or go
          back and change the status without one.
        </p>
      ) : null}
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
        <div className="field">
          <label className="field__label" htmlFor="status-message">
            Email
          </label>
          <textarea
            id="status-message"
            name="message"
            rows={14}
            required
            maxLength={STATUS_MESSAGE_MAX_CHARS}
            defaultValue={message}
            aria-describedby={query.error === 'message' ? 'message-error message-hint' : 'message-hint'}
          />
          <p className="field__hint" id="message-hint">
            A link to the candidate’s own page is added below your text.
          </p>
        </div>
        <button type="submit" className="button">
          Move to {STATUS_LABELS[move]} and send the email
        </button>{' '}
        <Link href={back}>Cancel</Link>
      </form>
    </article>
  );
}
