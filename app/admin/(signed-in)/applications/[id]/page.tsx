import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApplicationView } from '@/features/application/components/application-view';
import { listApplicationMail } from '@/features/application/emails';
import { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { getNeighbours } from '@/features/inbox/queries';
import { listInterviews } from '@/features/interviews/team';
import { getScorecards } from '@/features/scorecards/queries';
import { currentViewer } from '@/features/staff/context';
import { listAssignable } from '@/features/team/assignment';

export const metadata: Metadata = { title: 'Application' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicationPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const filter = parseInboxFilter(query);
  const [application, neighbours, emails, people, viewer] = await Promise.all([
    getApplication({ id }),
    getNeighbours({ id, filter }),
    listApplicationMail({ id }),
    listAssignable({ id }),
    currentViewer(),
  ]);
  if (!application || !viewer) notFound();
  const [scorecards, interviews] = application.erasedAt
    ? [null, []]
    : await Promise.all([getScorecards({ id }), listInterviews({ applicationId: id })]);
  return (
    <ApplicationView
      {...{ id, application, neighbours, emails, people, viewer, scorecards, query }}
      interviews={interviews ?? []}
      view={filterQuery(filter)}
    />
  );
}
