import { APPLICATION_STATUSES, STATUS_LABELS } from '@/lib/status';
import { ChosenCount } from './chosen-count';

type Props = {
  id: string;
  view: string;
  members: { id: number; email: string }[];
  action: (form: FormData) => Promise<void>;
};

/**
 * What can be done with the applications chosen in the table (their boxes belong to this form by its id): a
 * compact bar after the list, shown once a row is chosen (always, without JavaScript). Export goes to the CSV
 * route by GET, with the chosen ids.
 */
export function BulkActions({ id, view, members, action }: Props) {
  return (
    <form id={id} action={action} className="bulk-bar" aria-labelledby={`${id}-legend`}>
      <input type="hidden" name="view" value={view} />
      <fieldset>
        <legend id={`${id}-legend`} className="visually-hidden">
          With the chosen applications
        </legend>
        <ChosenCount form={id} />
        <div className="bulk-bar__group">
          <label htmlFor="bulk-status">Move to</label>
          <select id="bulk-status" name="bulkStatus" defaultValue="reviewing">
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <span className="bulk-bar__check">
            <input id="bulk-notify" type="checkbox" name="bulkNotify" value="yes" />
            <label htmlFor="bulk-notify">and email the candidates (you see the email first)</label>
          </span>
          <button type="submit" name="do" value="status" className="button button--secondary">
            Move
          </button>
        </div>
        <div className="bulk-bar__group">
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
