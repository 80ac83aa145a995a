import Link from 'next/link';
import { formatCount } from '@/features/inbox/counts';
import { filterQuery, type InboxFilter } from '@/features/inbox/filter';
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

/** Counts per status; each links to the current view narrowed to that status. */
export function StatusCounts({
  filter,
  counts,
  exact,
}: {
  filter: InboxFilter;
  counts: Record<ApplicationStatus, number>;
  exact: boolean;
}) {
  return (
    <nav aria-label="Applications by status">
      <ul className="status-counts">
        {APPLICATION_STATUSES.map((status) => {
          const current = filter.status === status;
          const query = filterQuery({ ...filter, status: current ? undefined : status });
          return (
            <li key={status}>
              <Link
                href={`/admin${query ? `?${query}` : ''}`}
                aria-current={current ? 'true' : undefined}
                className={`status-count status-count--${status}`}
              >
                {STATUS_LABELS[status]} <strong>{formatCount(counts[status], exact)}</strong>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
