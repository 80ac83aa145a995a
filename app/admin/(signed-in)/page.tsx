import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkActions } from '@/components/admin/bulk-actions';
import { FailedSignIns } from '@/components/admin/failed-sign-ins';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { InboxFilters } from '@/components/admin/inbox-filters';
import { InboxTable } from '@/components/admin/inbox-table';
import { StatusCounts } from '@/components/admin/status-counts';
import { countByStatus, listApplications, listPostingsWithApplications } from '@/db/admin/applications';
import { currentViewer } from '@/db/admin/context';
import { listScorecardSummaries } from '@/db/admin/scorecards';
import { listSources } from '@/db/admin/sources';
import { listActiveMembers } from '@/db/admin/team';
import { filterQuery, parseCursor, readInboxView } from '@/lib/admin/filter';
import { BULK_LIMIT } from '@/lib/admin/schemas';
import { bulkAction } from './bulk/actions';

export const metadata: Metadata = { title: 'Applications' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const { filter, ignored } = readInboxView(params);
  const before = parseCursor(params);
  const [viewer, page, { counts, exact }, postings, sources, members] = await Promise.all([
    currentViewer(),
    listApplications(filter, before),
    countByStatus(filter),
    listPostingsWithApplications(),
    listSources(),
    listActiveMembers(),
  ]);
  const scorecards = await listScorecardSummaries(page.rows.map((row) => row.id));
  const query = filterQuery(filter);
  const done = bulkMessage(params);
  return (
    <>
      <div className="admin-heading">
        <h1>Applications</h1>
        <a className="button button--secondary" href={`/admin/export${query ? `?${query}` : ''}`} download>
          Export this view as CSV
        </a>
      </div>
      {viewer ? <FailedSignIns viewer={viewer} /> : null}
      {done ? (
        <p className={done.error ? 'notice notice--error' : 'notice'} role={done.error ? 'alert' : 'status'}>
          {done.text}
        </p>
      ) : null}
      <IgnoredFilters ignored={ignored} />
      <InboxFilters filter={filter} postings={postings} sources={sources} />
      <StatusCounts filter={filter} counts={counts} exact={exact} />
      {page.rows.length ? <BulkActions id="bulk" view={query} members={members} action={bulkAction} /> : null}
      <InboxTable rows={page.rows} filter={filter} form="bulk" scorecards={scorecards} />
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

/** What the last bulk action did, from the address it came back to. */
function bulkMessage(params: Record<string, string | string[] | undefined>): { text: string; error?: boolean } | null {
  const count = Number(params.count) || 0;
  const of = Number(params.of) || 0;
  const applications = (n: number) => `${n} ${n === 1 ? 'application' : 'applications'}`;
  const skipped = of > count ? ` ${of - count} could not be: already there, erased, or not yours to change.` : '';
  switch (params.bulk) {
    case 'moved':
      return { text: `Moved ${applications(count)}.${skipped}` };
    case 'emailed':
      return { text: `Moved ${applications(count)}; the emails are on their way.${skipped}` };
    case 'assigned':
      return {
        text: `Assigned ${applications(count)}.${skipped.replace('not yours to change', 'not theirs to open')}`,
      };
    case 'none':
      return { text: 'Choose at least one application first, with the boxes in the table.', error: true };
    case 'too-many':
      return { text: `Choose at most ${BULK_LIMIT} applications at a time.`, error: true };
    case 'invalid':
      return { text: 'Choose a status or a person, then the action.', error: true };
    default:
      return null;
  }
}
