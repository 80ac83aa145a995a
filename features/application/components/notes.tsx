import { formatDateTime } from '@/components/ui/utc-date';

type Props = {
  id: number;
  view: string;
  notes: { id: number; body: string; author: string; at: Date }[];
  error?: string;
  action: (form: FormData) => Promise<void>;
  maxLength: number;
};

export function Notes({ id, view, notes, error, action, maxLength }: Props) {
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {notes.length ? (
        <ul className="admin-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="admin-letter">{n.body}</p>
              <p className="admin-notes__meta">
                {n.author}, <time dateTime={n.at.toISOString()}>{formatDateTime(n.at)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No notes yet.</p>
      )}
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="view" value={view} />
        <div className={error ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="note-body">
            Add a note
          </label>
          {error ? (
            <p className="field__error" id="note-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <textarea
            id="note-body"
            name="body"
            rows={4}
            required
            maxLength={maxLength}
            aria-describedby={error ? 'note-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          Add note
        </button>
      </form>
    </section>
  );
}
