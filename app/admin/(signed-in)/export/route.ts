import { openExport } from '@/features/inbox/export';
import { exportCsv } from '@/features/inbox/export-csv';
import { parseIds, parseInboxFilter } from '@/features/inbox/filter';
import { currentViewer } from '@/features/staff/context';
import { listAllPostings } from '@/lib/content';

/**
 * The current view as CSV, streamed 250 rows at a time, read only when the client has taken the last ones, so
 * memory stays flat however many rows: with a thousand a batch, enough of each batch outlived the young
 * generation's collections that the server grew by 330 MB over a million rows (bench/README.md).
 */
const EXPORT_BATCH = 250;

export async function GET(request: Request) {
  if (!(await currentViewer()))
    return new Response('Sign in to export applications', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  const params = new URL(request.url).searchParams;
  // The inbox's "export the selection" sends the chosen ids; otherwise the view's filter decides.
  const ids = params.has('ids') ? parseIds(params.getAll('ids')) : undefined;
  const nextBatch = await openExport({ filter: ids ? {} : parseInboxFilter(params), ids, batchSize: EXPORT_BATCH });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(exportCsv({ nextBatch, postings: await listAllPostings() }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="applications-${date}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
