import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationFields } from '@/components/admin/application-detail';
import { ApplicationEmails } from '@/components/admin/application-emails';
import { Assignment } from '@/components/admin/assignment';
import { formatDateTime } from '@/components/admin/format';
import { Notes } from '@/components/admin/notes';
import { Pipeline } from '@/components/admin/pipeline';
import { ResumeSection } from '@/components/admin/resume-section';
import { Scorecards } from '@/components/admin/scorecards';
import { TriageKeys } from '@/components/admin/triage-keys';
import { Notice } from '@/components/ui/notice';
import { getApplication, getNeighbours } from '@/db/admin/applications';
import { currentViewer } from '@/db/admin/context';
import { listApplicationMail } from '@/db/admin/mail';
import { getScorecards } from '@/db/admin/scorecards';
import { listAssignable } from '@/db/admin/team';
import { filterQuery, parseInboxFilter } from '@/lib/admin/filter';
import { parseApplicationId } from '@/lib/admin/schemas';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { VIEWER_URL } from '@/lib/resume-viewer/viewer-document';
import { assign, createNote, updateStatus } from './actions';
import { saveScorecard } from './scorecard-actions';

export const metadata: Metadata = { title: 'Application' };

const SAVED: Record<string, string> = {
  status: 'Status updated.',
  'status-emailed': 'Status updated. The email to the candidate is on its way.',
  'status-unchanged': 'The status had already changed; nothing was sent.',
  note: 'Note added.',
  scorecard: 'Scorecard saved.',
  erased: 'The application is erased.',
  assigned: 'Assigned.',
  unassigned: 'Assigned to nobody.',
};

const ERRORS: Record<string, string> = {
  assign:
    'That person cannot open this application (they are not on its posting’s team, or their account is disabled).',
  'erase-role': 'Only owners and recruiters erase applications.',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicationPage({ params, searchParams }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const filter = parseInboxFilter(query);
  const [application, neighbours, emails, people, viewer] = await Promise.all([
    getApplication(id),
    getNeighbours(id, filter),
    listApplicationMail(id),
    listAssignable(id),
    currentViewer(),
  ]);
  if (!application || !viewer) notFound();
  const scorecards = application.erasedAt ? null : await getScorecards(id);
  const view = filterQuery(filter);
  const suffix = view ? `?${view}` : '';
  return (
    <article className="admin-detail">
      <nav className="pager" aria-label="Applications in this view">
        <Link href={`/admin${suffix}`}>Back to the list</Link>
        {neighbours.newer ? (
          <Link href={`/admin/applications/${neighbours.newer}${suffix}`} rel="prev">
            Previous (newer)
          </Link>
        ) : null}
        {neighbours.older ? (
          <Link href={`/admin/applications/${neighbours.older}${suffix}`} rel="next">
            Next (older)
          </Link>
        ) : null}
      </nav>
      <h1>{application.fullName}</h1>
      <TriageKeys
        nextHref={neighbours.older ? `/admin/applications/${neighbours.older}${suffix}` : undefined}
        previousHref={neighbours.newer ? `/admin/applications/${neighbours.newer}${suffix}` : undefined}
        status={application.status}
        canMove={application.erasedAt === null}
      />
      <Notice query={query} saved={SAVED} errors={ERRORS} />
      {application.erasedAt ? (
        <p className="notice">
          Erased {formatDateTime(application.erasedAt)}: what remains is the anonymous record of the application, for
          the statistics.
        </p>
      ) : (
        <>
          <ApplicationFields application={application} />
          <ResumeSection
            id={id}
            fullName={application.fullName}
            resume={{
              fileName: application.resumeFileName,
              size: application.resumeSize,
              mediaType: application.resumeMediaType,
            }}
            viewerUrl={VIEWER_URL}
          />
        </>
      )}
      <Pipeline
        id={id}
        status={application.status}
        view={view}
        history={application.history}
        erased={application.erasedAt !== null}
        action={updateStatus}
      />
      {application.erasedAt ? null : (
        <Assignment
          id={id}
          view={view}
          assigneeId={application.assigneeId}
          people={people}
          viewerId={viewer.userId}
          action={assign}
        />
      )}
      <ApplicationEmails emails={emails} />
      {application.erasedAt ? null : (
        <>
          {scorecards ? <Scorecards id={id} view={view} scorecards={scorecards} action={saveScorecard} /> : null}
          <Notes
            id={id}
            view={view}
            notes={application.notes}
            action={createNote}
            maxLength={NOTE_MAX_CHARS}
            error={
              query.error === 'note'
                ? `Write the note first (at most ${NOTE_MAX_CHARS.toLocaleString('en')} characters).`
                : undefined
            }
          />
          {viewer.role === 'reviewer' ? null : (
            <section aria-labelledby="erase-heading">
              <h2 id="erase-heading">Erase</h2>
              <p>
                When the candidate asks, or their data should go before the retention period ends:{' '}
                <Link href={`/admin/applications/${id}/erase${suffix}`}>erase this application</Link>.
              </p>
            </section>
          )}
        </>
      )}
    </article>
  );
}
