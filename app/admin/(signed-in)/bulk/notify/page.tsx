import type { Metadata } from 'next';
import Link from 'next/link';
import { getApplication } from '@/db/admin/applications';
import { parseIds } from '@/lib/admin/filter';
import { BULK_LIMIT } from '@/lib/admin/schemas';
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/application/status';
import { defaultStatusMessage, STATUS_MESSAGE_MAX_CHARS } from '@/lib/mail/status-messages';
import { site } from '@/lib/site';
import { bulkStatusWithEmail } from '../actions';

export const metadata: Metadata = { title: 'Email the chosen candidates' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const isStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);

/** The email a bulk status change sends, shown and editable first; nothing changes until it is sent. */
export default async function BulkNotifyPage({ searchParams }: Props) {
  const query = await searchParams;
  const ids = parseIds([query.ids ?? []].flat(), BULK_LIMIT);
  const view = typeof query.view === 'string' ? query.view.slice(0, 2000) : '';
  const status = isStatus(query.status) ? query.status : null;
  const found = (await Promise.all(ids.map((id) => getApplication(id)))).filter(
    (application) => application !== null && !application.erasedAt && application.status !== status,
  );
  const back = `/admin${view ? `?${view}` : ''}`;
  if (!status || found.length === 0) {
    return (
      <article className="admin-detail">
        <h1>Nothing to send</h1>
        <p>
          {status
            ? `None of the chosen applications can move to ${STATUS_LABELS[status]}.`
            : 'Choose applications and a status first.'}{' '}
          <Link href={back}>Back to the applications</Link>
        </p>
      </article>
    );
  }
  const message = defaultStatusMessage(status, {
    candidateName: '{name}',
    postingTitle:
      found.length && new Set(found.map((a) => a!.postingTitle)).size === 1 ? found[0]!.postingTitle : 'the role',
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
      {query.error === 'message' ? (
        <p className="error-summary" role="alert">
          Write the email (at most {STATUS_MESSAGE_MAX_CHARS.toLocaleString('en')} characters), or go back and change
          the status without one.
        </p>
      ) : null}
      <form action={bulkStatusWithEmail} className="admin-form">
        <input type="hidden" name="status" value={status} />
        <input type="hidden" name="view" value={view} />
        <h2>To</h2>
        <ul>
          {found.map((application) => (
            <li key={application!.id}>
              <input type="hidden" name="ids" value={application!.id} />
              {application!.fullName} ({application!.email}), {application!.postingTitle}
            </li>
          ))}
        </ul>
        <div className="field">
          <label className="field__label" htmlFor="bulk-message">
            Email
          </label>
          <textarea
            id="bulk-message"
            name="message"
            rows={14}
            required
            maxLength={STATUS_MESSAGE_MAX_CHARS}
            defaultValue={message}
          />
        </div>
        <button type="submit" className="button">
          Move and send {found.length} {found.length === 1 ? 'email' : 'emails'}
        </button>{' '}
        <Link href={back}>Cancel</Link>
      </form>
    </article>
  );
}
