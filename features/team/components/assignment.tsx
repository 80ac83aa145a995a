type Props = {
  id: number;
  view: string;
  assigneeId: number | null;
  /** Who can open this application: only they can be given it. */
  people: { id: number; email: string }[];
  viewerId: number;
  action: (form: FormData) => Promise<void>;
};

export function Assignment({ id, view, assigneeId, people, viewerId, action }: Props) {
  return (
    <section aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">Assigned to</h2>
      <form action={action} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="view" value={view} />
        <label className="visually-hidden" htmlFor="assignee">
          Assign to
        </label>
        <select id="assignee" name="assignee" defaultValue={assigneeId ?? ''}>
          <option value="">Nobody</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.email}
              {person.id === viewerId ? ' (you)' : ''}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Assign
        </button>
      </form>
      <p className="field__hint">They get an email about it, unless it is you.</p>
    </section>
  );
}
