import type { Metadata } from 'next';
import { NothingToSend } from '@/features/application/components/status-email';
import { BULK_LIMIT } from '@/features/application/schemas';
import { listSelection } from '@/features/application/status-changes';
import { BulkEmailForm } from '@/features/inbox/components/bulk-email-form';
import { parseIds } from '@/features/inbox/filter';
import { isApplicationStatus, STATUS_LABELS } from '@/lib/status';

export const metadata: Metadata = { title: 'Email the chosen candidates' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The email a bulk status change sends, shown and editable first; nothing changes until it is sent. */
export default async function BulkNotifyPage({ searchParams }: Props) {
  const query = await searchParams;
  const ids = parseIds([query.ids ?? []].flat(), BULK_LIMIT);
  const view = typeof query.view === 'string' ? query.view.slice(0, 2000) : '';
  const status = isApplicationStatus(query.status) ? query.status : null;
  const found = (await listSelection({ ids })).filter((application) => application.status !== status);
  const back = `/admin${view ? `?${view}` : ''}`;
  if (!status || found.length === 0) {
    const reason = status
      ? `None of the chosen applications can move to ${STATUS_LABELS[status]}.`
      : 'Choose applications and a status first.';
    return <NothingToSend title="Nothing to send" reason={reason} back={back} backLabel="Back to the applications" />;
  }
  const refused = query.error === 'message' ? 'Write the email' : undefined;
  return <BulkEmailForm {...{ found, status, view, back, refused }} />;
}
