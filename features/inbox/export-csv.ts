import type { Posting } from '@/lib/content/posting';
import { csvRow } from './csv';
import { EXPORT_COLUMNS, type ExportRow } from './export';

/**
 * The export as a CSV stream: the header first, then each batch only when the client has taken the rows
 * before it (`pull`), so memory stays flat however many rows. One column per question of every posting, so a
 * spreadsheet sorts and filters by answer.
 */
export function exportCsv({
  nextBatch,
  postings,
}: {
  nextBatch: () => Promise<ExportRow[]>;
  postings: Posting[];
}): ReadableStream<Uint8Array> {
  const questions = postings.flatMap((p) =>
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
  return new ReadableStream<Uint8Array>({
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
}
