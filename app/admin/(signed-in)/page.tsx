import type { Metadata } from 'next';
import { listSources } from '@/features/dashboard/sources';
import { bulkAction } from '@/features/inbox/actions';
import { BulkActions } from '@/features/inbox/components/bulk-actions';
import { BulkResult } from '@/features/inbox/components/bulk-result';
import { IgnoredFilters } from '@/features/inbox/components/ignored-filters';
import { InboxFilters } from '@/features/inbox/components/inbox-filters';
import { InboxKeys } from '@/features/inbox/components/inbox-keys';
import { InboxPager } from '@/features/inbox/components/inbox-pager';
import { INBOX_TABLE_ID, InboxTable } from '@/features/inbox/components/inbox-table';
import { StatusCounts } from '@/features/inbox/components/status-counts';
import { filterQuery, parseCursor, readInboxView } from '@/features/inbox/filter';
import { countByStatus, listApplications, listPostingsWithApplications } from '@/features/inbox/queries';
import { listScorecardSummaries } from '@/features/scorecards/queries';
import { FailedSignIns } from '@/features/staff/components/failed-sign-ins';
import { currentViewer } from '@/features/staff/context';
import { listActiveMembers } from '@/features/team/assignment';

export const metadata: Metadata = { title: 'Applications' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const { filter, ignored } = readInboxView(params);
  const before = parseCursor(params);
  const [viewer, page, { counts, exact }, postings, sources, members] = await Promise.all([
    currentViewer(),
    listApplications({ filter, before }),
    countByStatus({ filter }),
    listPostingsWithApplications(),
    listSources(),
    listActiveMembers(),
  ]);
  const scorecards = await listScorecardSummaries({ ids: page.rows.map((row) => row.id) });
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
      <BulkResult params={params} />
      <IgnoredFilters ignored={ignored} />
      <InboxFilters filter={filter} postings={postings} sources={sources} />
      <StatusCounts filter={filter} counts={counts} exact={exact} />
      {page.rows.length ? <InboxKeys tableId={INBOX_TABLE_ID} /> : null}
      <InboxTable rows={page.rows} filter={filter} form="bulk" scorecards={scorecards} />
      {page.rows.length ? <BulkActions id="bulk" view={query} members={members} action={bulkAction} /> : null}
      <InboxPager filter={filter} before={before} nextCursor={page.nextCursor} />
    </>
  );
}
