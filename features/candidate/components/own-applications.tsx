import Link from 'next/link';

export type OwnApplication = {
  id: number;
  postingTitle: string;
  reference: string;
  createdAt: Date;
  status: string;
  open: boolean;
};

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** Each of the candidate's applications with what they can do about it. */
export function OwnApplications({
  applications,
  withdraw,
}: {
  applications: OwnApplication[];
  withdraw: (form: FormData) => Promise<void>;
}) {
  if (applications.length === 0) {
    return <p>There are no applications from this address any more.</p>;
  }
  return (
    <ul className="own-applications">
      {applications.map((a) => (
        <li key={a.id} className="own-application">
          <h2>{a.postingTitle}</h2>
          <dl className="own-application__facts">
            <dt>Sent</dt>
            <dd>
              <time dateTime={a.createdAt.toISOString()}>{day.format(a.createdAt)}</time>
            </dd>
            <dt>Reference</dt>
            <dd className="reference">{a.reference}</dd>
            <dt>Status</dt>
            <dd>{a.status}</dd>
          </dl>
          {a.open ? (
            <details className="own-application__withdraw">
              <summary>Withdraw this application</summary>
              <form action={withdraw}>
                <input type="hidden" name="id" value={a.id} />
                <div className="field">
                  <label className="field__label" htmlFor={`reason-${a.id}`}>
                    Why you are withdrawing <span className="field__optional">(optional)</span>
                  </label>
                  <textarea id={`reason-${a.id}`} name="reason" rows={3} maxLength={2000} />
                </div>
                <button type="submit" className="button button--secondary">
                  Withdraw my application for {a.postingTitle}
                </button>
              </form>
            </details>
          ) : null}
          <p>
            <Link href={`/applications/erase?id=${a.id}`}>Erase this application</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
