import { formatDateTime } from '@/components/ui/utc-date';
import { MAIL_LABELS, type MailKind } from '@/lib/mail-kinds';

export type ApplicationEmail = {
  id: number;
  kind: MailKind;
  to: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

function state(email: ApplicationEmail) {
  if (email.status === 'sent' && email.sentAt) return <>Sent {formatDateTime(email.sentAt)}</>;
  if (email.status === 'failed') return <>Not delivered: {email.lastError ?? 'unknown error'}</>;
  if (email.attempts === 0) return <>Waiting to be sent</>;
  return (
    <>
      Waiting: tried {email.attempts} {email.attempts === 1 ? 'time' : 'times'}, will try again
      {email.lastError ? ` (${email.lastError})` : ''}
    </>
  );
}

/** Every email the site sent, or is sending, about the application, and whether it arrived at the mail server. */
export function ApplicationEmails({ emails }: { emails: ApplicationEmail[] }) {
  return (
    <section aria-labelledby="emails-heading">
      <h2 id="emails-heading">Emails</h2>
      {emails.length === 0 ? (
        <p>No emails about this application.</p>
      ) : (
        <table className="admin-table admin-emails">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">To</th>
              <th scope="col">Queued</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id} data-state={email.status}>
                <td>{MAIL_LABELS[email.kind]}</td>
                <td>{email.to}</td>
                <td>{formatDateTime(email.createdAt)}</td>
                <td>{state(email)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
