import Link from 'next/link';
import { filterQuery, type InboxFilter } from '@/lib/admin/filter';
import { formatCount } from '@/lib/admin/counts';
import { STATUSES, STATUS_LABELS, type Status } from './format';

/** Counts per status; each links to the current view narrowed to that status. */
export function StatusCounts({ filter, counts, exact }: { filter: InboxFilter; counts: Record<Status, number>; exact: boolean }) {
  return (
    <nav aria-label="Applications by status">
      <ul className="status-counts">
        {STATUSES.map((status) => {
          const current = filter.status === status;
          const query = filterQuery({ ...filter, status: current ? undefined : status });
          return (
            <li key={status}>
              <Link href={`/admin${query ? `?${query}` : ''}`} aria-current={current ? 'true' : undefined} className={`status-count status-count--${status}`}>
                {STATUS_LABELS[status]} <strong>{formatCount(counts[status], exact)}</strong>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
