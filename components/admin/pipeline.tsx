import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/application/status';
import { formatDateTime } from './format';

type Props = {
  id: number;
  status: ApplicationStatus;
  view: string;
  history: { id: number; from: ApplicationStatus; to: ApplicationStatus; by: string; at: Date }[];
  action: (form: FormData) => Promise<void>;
};

export function Pipeline({ id, status, view, history, action }: Props) {
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
      <form action={action} className="inline-form">
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
        <button type="submit" className="button">
          Update status
        </button>
      </form>
      {history.length ? (
        <>
          <h3>History</h3>
          <ul className="admin-history">
            {history.map((h) => (
              <li key={h.id}>
                {STATUS_LABELS[h.from]} → {STATUS_LABELS[h.to]} by {h.by},{' '}
                <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
