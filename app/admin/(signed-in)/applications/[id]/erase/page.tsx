import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eraseApplicationNow } from '@/features/application/actions';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'Erase an application' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Erasing cannot be undone, so it is asked once more, with what goes and what stays. */
export default async function ErasePage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const application = await getApplication({ id });
  if (!application || application.erasedAt) notFound();
  const view = filterQuery(parseInboxFilter(await searchParams));
  const viewer = await currentViewer();
  if (viewer?.role === 'reviewer') {
    return (
      <article className="admin-detail">
        <h1>Erase the application of {application.fullName}</h1>
        <p>Only owners and recruiters erase applications. Ask one of them if this application should go.</p>
        <Link href={`/admin/applications/${id}${view ? `?${view}` : ''}`}>Back to the application</Link>
      </article>
    );
  }
  return (
    <article className="admin-detail">
      <h1>Erase the application of {application.fullName}?</h1>
      <p>
        Their details, answers, cover letter, resume and the team’s notes about them are deleted at once, and any email
        to them not yet sent is cancelled. An anonymous record stays: the posting ({application.postingTitle}), the
        dates and the final status, for the statistics. The audit log records that you erased it, not what it held. This
        cannot be undone.
      </p>
      <form action={eraseApplicationNow} className="admin-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="view" value={view} />
        <input type="hidden" name="confirm" value="yes" />
        <div className="field field--checkbox">
          <input id="tell-candidate" type="checkbox" name="tellCandidate" value="yes" defaultChecked />
          <label htmlFor="tell-candidate">Email {application.email} to confirm the erasure</label>
        </div>
        <button type="submit" className="button button--danger">
          Erase this application now
        </button>{' '}
        <Link href={`/admin/applications/${id}${view ? `?${view}` : ''}`}>Keep it</Link>
      </form>
    </article>
  );
}
