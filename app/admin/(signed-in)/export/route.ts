import { csvRow } from '@/features/inbox/csv';
import { EXPORT_COLUMNS, openExport, type ExportRow } from '@/features/inbox/export';
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
  // One column per question of every posting, so a spreadsheet sorts and filters by answer.
  const questions = (await listAllPostings()).flatMap((p) =>
    p.questions.map((q) => ({ key: `${p.slug}/${q.id}`, label: `${p.title}: ${q.label}` })),
  );
  const answerCells = (row: ExportRow) => {
    const byKey = new Map(
      (row.answers ?? []).map((a) => [
        `${row.postingSlug}/${a.id}`,
        Array.isArray(a.answer) ? a.answer.join('; ') : a.answer,
      ]),
    );
    return questions.map((q) => byKey.get(q.key) ?? null);
  };
  const encoder = new TextEncoder();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(
          encoder.encode(csvRow([...EXPORT_COLUMNS.map(([, label]) => label), ...questions.map((q) => q.label)])),
        );
        return;
      }
      const rows = await nextBatch();
      if (rows.length === 0) return controller.close();
      controller.enqueue(
        encoder.encode(
          rows.map((row) => csvRow([...EXPORT_COLUMNS.map(([key]) => row[key]), ...answerCells(row)])).join(''),
        ),
      );
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="applications-${date}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
