import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { proposeInterviewAction } from '@/features/interviews/actions';
import { ProposalForm } from '@/features/interviews/components/proposal-form';
import { ZoneOptions } from '@/features/interviews/components/zone-select';
import { isTimeZone } from '@/features/interviews/times';
import { currentViewer } from '@/features/staff/context';
import { listAssignable } from '@/features/team/assignment';
import { site } from '@/lib/site';
import { isFinal } from '@/lib/status';

export const metadata: Metadata = { title: 'Propose an interview' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The proposal form on a page of its own: the application's page stays light (the zone list is long). */
export default async function ProposeInterviewPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const [application, people, viewer, query] = await Promise.all([
    getApplication({ id }),
    listAssignable({ id }),
    currentViewer(),
    searchParams,
  ]);
  if (!application || application.erasedAt || !viewer) notFound();
  const view = filterQuery(parseInboxFilter(query));
  const back = `/admin/applications/${id}${view ? `?${view}` : ''}`;
  return (
    <article className="admin-detail">
      <p>
        <Link href={`${back}#interviews`}>Back to the application</Link>
      </p>
      <h1>
        Propose an interview: {application.fullName}, {application.postingTitle}
      </h1>
      {isFinal(application.status) ? (
        <p>This application is closed: it takes no more interviews.</p>
      ) : (
        <ProposalForm
          id={id}
          view={view}
          people={people}
          viewerId={viewer.userId}
          defaultZone={isTimeZone(site.timeZone) ? site.timeZone : 'UTC'}
          zones={<ZoneOptions />}
          action={proposeInterviewAction}
        />
      )}
    </article>
  );
}
