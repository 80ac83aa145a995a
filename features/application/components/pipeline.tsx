import { formatDateTime } from '@/components/ui/utc-date';
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

type Props = {
  id: number;
  status: ApplicationStatus;
  view: string;
  /** `by` is null when the candidate changed it (a withdrawal), `note` their reason. */
  history: {
    id: number;
    from: ApplicationStatus;
    to: ApplicationStatus;
    by: string | null;
    note: string | null;
    at: Date;
  }[];
  /** An erased application's stub keeps its last status; nothing moves it any more. */
  erased: boolean;
  action: (form: FormData) => Promise<void>;
};

export function Pipeline({ id, status, view, history, erased, action }: Props) {
  return (
    <section aria-labelledby="pipeline-heading">
      <h2 id="pipeline-heading">Status</h2>
      <ol className="pipeline" aria-label="Pipeline">
        {APPLICATION_STATUSES.map((s) => (
          <li
            key={s}
            aria-current={s === status ? 'step' : undefined}
            className={s === status ? 'pipeline__step pipeline__step--current' : 'pipeline__step'}
          >
            {STATUS_LABELS[s]}
          </li>
        ))}
      </ol>
      {erased ? null : (
        <form action={action} className="inline-form" id="status-form">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="view" value={view} />
          <div className="field">
            <label className="field__label" htmlFor="status-select">
              Move to
            </label>
            <select id="status-select" name="status" defaultValue={status}>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--checkbox">
            <input id="status-notify" type="checkbox" name="notify" value="yes" />
            <label htmlFor="status-notify">Email the candidate about it (you will see and edit the email first)</label>
          </div>
          <button type="submit" className="button">
            Update status
          </button>
        </form>
      )}
      {history.length ? (
        <>
          <h3>History</h3>
          <ul className="admin-history">
            {history.map((h) => (
              <li key={h.id}>
                {STATUS_LABELS[h.from]} → {STATUS_LABELS[h.to]} by {h.by ?? 'the candidate'},{' '}
                <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time>
                {h.note ? <blockquote className="admin-history__note">{h.note}</blockquote> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
