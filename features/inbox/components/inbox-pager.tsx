import Link from 'next/link';
import { filterQuery, type InboxFilter } from '@/features/inbox/filter';

/** Keyset pages: the first page, and the next one after the last row shown. */
export function InboxPager({
  filter,
  before,
  nextCursor,
}: {
  filter: InboxFilter;
  before?: number;
  nextCursor?: number | null;
}) {
  const query = filterQuery(filter);
  return (
    <nav className="pager" aria-label="Pages">
      {before ? <Link href={`/admin${query ? `?${query}` : ''}`}>First page</Link> : null}
      {nextCursor ? (
        <Link href={`/admin?${filterQuery(filter, { before: nextCursor })}`} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
