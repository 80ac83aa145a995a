import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import { filterQuery, type InboxFilter } from '@/features/inbox/filter';
import type { ScorecardSummary } from '@/lib/scorecard';
import { STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

/** The table's id, which the list's keys (inbox-keys.tsx) look rows up by. */
export const INBOX_TABLE_ID = 'inbox-table';

export type InboxRow = {
  id: number;
  fullName: string;
  email: string;
  postingTitle: string;
  status: ApplicationStatus;
  createdAt: Date;
  assignee: string | null;
};

// Long: one table's markup; its header and its cells must stay in step.
/**
 * The inbox's rows, each with a box to choose it for the bulk actions (features/inbox/components/bulk-actions.tsx),
 * which belong to the form named by `form`: the table sits between the form's controls, not inside them.
 */
export function InboxTable({
  rows,
  filter,
  form,
  scorecards,
}: {
  rows: InboxRow[];
  filter: InboxFilter;
  form: string;
  /** Each row's scorecard count and mean overall, as the viewer may see them (blind until they rated). */
  scorecards?: ReadonlyMap<number, ScorecardSummary>;
}) {
  const query = filterQuery(filter);
  if (rows.length === 0) {
    return (
      <div className="empty-state">
        <h2>No applications</h2>
        <p>No application matches this view. Change or clear the filters.</p>
      </div>
    );
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby="inbox-caption" tabIndex={0}>
      <table className="admin-table inbox-table" id={INBOX_TABLE_ID}>
        <caption id="inbox-caption">Applications, newest first</caption>
        <colgroup>
          <col className="inbox-table__choose" />
          <col className="inbox-table__name" />
          <col />
          <col className="inbox-table__received" />
          <col className="inbox-table__status" />
          <col className="inbox-table__assignee" />
          <col className="inbox-table__count" />
          <col className="inbox-table__count" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Choose</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Posting</th>
            <th scope="col">Received</th>
            <th scope="col">Status</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Scorecards</th>
            <th scope="col">
              Mean overall
              <span className="visually-hidden">
                {' '}
                (1 Strong no to 4 Strong yes; until you submit your own scorecard on an application, its mean stays
                hidden)
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="inbox-table__box">
                <input
                  type="checkbox"
                  name="ids"
                  value={row.id}
                  form={form}
                  id={`choose-${row.id}`}
                  aria-label={`Choose ${row.fullName}`}
                />
              </td>
              <th scope="row">
                <Link href={`/admin/applications/${row.id}${query ? `?${query}` : ''}`} className="truncate">
                  {row.fullName}
                </Link>
                <span className="truncate inbox-table__email" title={row.email}>
                  {row.email}
                </span>
              </th>
              {/* Shortened to one line: the whole title is the text read out, its tooltip, and on the application. */}
              <td data-label="Posting">
                <span className="truncate" title={row.postingTitle}>
                  {row.postingTitle}
                </span>
              </td>
              <td data-label="Received">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
              </td>
              <td>
                <span className={`status status--${row.status}`}>{STATUS_LABELS[row.status]}</span>
              </td>
              <td data-label="Assigned to">
                <span className="truncate" title={row.assignee ?? undefined}>
                  {row.assignee ?? '—'}
                </span>
              </td>
              <ScorecardCells summary={scorecards?.get(row.id)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The count always; the mean only once the viewer may see it (features/scorecards/queries.ts decides). */
function ScorecardCells({ summary }: { summary: ScorecardSummary | undefined }) {
  return (
    <>
      <td data-label="Scorecards">{summary?.count ?? 0}</td>
      <td data-label="Mean">
        {summary?.blind ? (
          <>
            after yours<span className="visually-hidden">: shown once you submit your own scorecard</span>
          </>
        ) : summary?.mean != null ? (
          summary.mean.toFixed(1)
        ) : (
          '—'
        )}
      </td>
    </>
  );
}
