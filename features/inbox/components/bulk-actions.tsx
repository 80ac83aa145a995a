import { APPLICATION_STATUSES, STATUS_LABELS } from '@/lib/status';

type Props = {
  id: string;
  view: string;
  members: { id: number; email: string }[];
  action: (form: FormData) => Promise<void>;
};

/**
 * What can be done with the applications chosen in the table below (their boxes belong to this form by
 * its id). Export goes to the CSV route by GET, with the chosen ids.
 */
export function BulkActions({ id, view, members, action }: Props) {
  return (
    <form id={id} action={action} className="bulk-actions" aria-labelledby={`${id}-legend`}>
      <input type="hidden" name="view" value={view} />
      <fieldset>
        <legend id={`${id}-legend`}>With the chosen applications</legend>
        <div className="inline-form">
          <label htmlFor="bulk-status">Move to</label>
          <select id="bulk-status" name="bulkStatus" defaultValue="reviewing">
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <input id="bulk-notify" type="checkbox" name="bulkNotify" value="yes" />
          <label htmlFor="bulk-notify">and email the candidates (you will see the email first)</label>
          <button type="submit" name="do" value="status" className="button button--secondary">
            Move
          </button>
        </div>
        <div className="inline-form">
          <label htmlFor="bulk-assignee">Assign to</label>
          <select id="bulk-assignee" name="bulkAssignee" defaultValue="">
            <option value="">Nobody</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.email}
              </option>
            ))}
          </select>
          <button type="submit" name="do" value="assign" className="button button--secondary">
            Assign
          </button>
        </div>
        <button type="submit" formAction="/admin/export" formMethod="get" className="button button--secondary">
          Export the chosen as CSV
        </button>
      </fieldset>
    </form>
  );
}
