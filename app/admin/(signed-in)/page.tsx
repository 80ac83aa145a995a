import type { Metadata } from 'next';
import Link from 'next/link';
import { FailedSignIns } from '@/components/admin/failed-sign-ins';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { InboxFilters } from '@/components/admin/inbox-filters';
import { InboxTable } from '@/components/admin/inbox-table';
import { StatusCounts } from '@/components/admin/status-counts';
import { countByStatus, listApplications, listPostingsWithApplications } from '@/db/admin/applications';
import { currentViewer } from '@/db/admin/context';
import { listSources } from '@/db/admin/sources';
import { filterQuery, parseCursor, readInboxView } from '@/lib/admin/filter';

export const metadata: Metadata = { title: 'Applications' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const { filter, ignored } = readInboxView(params);
  const before = parseCursor(params);
  const [viewer, page, { counts, exact }, postings, sources] = await Promise.all([
    currentViewer(),
    listApplications(filter, before),
    countByStatus(filter),
    listPostingsWithApplications(),
    listSources(),
  ]);
  const query = filterQuery(filter);
  return (
    <>
      <div className="admin-heading">
        <h1>Applications</h1>
        <a className="button button--secondary" href={`/admin/export${query ? `?${query}` : ''}`} download>
          Export this view as CSV
        </a>
      </div>
      {viewer ? <FailedSignIns viewer={viewer} /> : null}
      <IgnoredFilters ignored={ignored} />
      <InboxFilters filter={filter} postings={postings} sources={sources} />
      <StatusCounts filter={filter} counts={counts} exact={exact} />
      <InboxTable rows={page.rows} filter={filter} />
      <nav className="pager" aria-label="Pages">
        {before ? <Link href={`/admin${query ? `?${query}` : ''}`}>First page</Link> : null}
        {page.nextCursor ? (
          <Link href={`/admin?${filterQuery(filter, { before: page.nextCursor })}`} rel="next">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
