import { BULK_LIMIT } from '@/features/application/schemas';

/** What the last bulk action did, from the address it came back to. */
export function BulkResult({ params }: { params: Record<string, string | string[] | undefined> }) {
  const done = bulkMessage(params);
  if (!done) return null;
  return (
    <p className={done.error ? 'notice notice--error' : 'notice'} role={done.error ? 'alert' : 'status'}>
      {done.text}
    </p>
  );
}

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
