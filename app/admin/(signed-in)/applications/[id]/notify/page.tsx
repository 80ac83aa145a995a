import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NothingToSend } from '@/features/application/components/status-email';
import { StatusEmailForm } from '@/features/application/components/status-email-form';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { isApplicationStatus, STATUS_LABELS } from '@/lib/status';

export const metadata: Metadata = { title: 'Email the candidate' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The email a status change sends, shown and editable before anything changes; sending it makes the change. */
export default async function NotifyPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const application = await getApplication({ id });
  if (!application || application.erasedAt) notFound();
  const view = filterQuery(parseInboxFilter(query));
  const back = `/admin/applications/${id}${view ? `?${view}` : ''}`;
  const move = isApplicationStatus(query.move) ? query.move : null;
  if (!move || move === application.status) {
    const reason = move ? `The application is already ${STATUS_LABELS[move]}.` : 'Choose the new status first.';
    return (
      <NothingToSend
        title="Nothing to tell the candidate"
        reason={reason}
        back={back}
        backLabel="Back to the application"
      />
    );
  }
  const refused = query.error === 'message' ? 'Write the email to the candidate' : undefined;
  return <StatusEmailForm {...{ id, application, move, view, back, refused }} />;
}
