import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import type { listAudit } from '@/features/audit/queries';
import { AUDIT_ACTION_LABELS } from '@/lib/audit-actions';

type Page = Awaited<ReturnType<typeof listAudit>>;

/** One page of the audit log, newest first, with links to the newest page and the next older one. */
export function AuditTable({ entries, hasMore, before }: Page & { before?: number }) {
  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
        <table className="admin-table">
          <caption id="audit-caption">Sign-ins, status changes, notes, downloads and exports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Application</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                </td>
                <td>{e.actorEmail}</td>
                <td>{AUDIT_ACTION_LABELS[e.action]}</td>
                <td>
                  {e.applicationId ? (
                    <Link href={`/admin/applications/${e.applicationId}`}>#{e.applicationId}</Link>
                  ) : null}
                </td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        {before ? <Link href="/admin/audit">Newest entries</Link> : null}
        {hasMore ? <Link href={`/admin/audit?before=${entries.at(-1)!.id}`}>Older entries</Link> : null}
      </nav>
    </>
  );
}
