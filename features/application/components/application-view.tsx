import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/components/ui/utc-date';
import { assign, createNote, updateStatus } from '@/features/application/actions';
import { ApplicationFields } from '@/features/application/components/application-detail';
import { ApplicationEmails } from '@/features/application/components/application-emails';
import { ApplicationPager } from '@/features/application/components/application-pager';
import { EraseLink } from '@/features/application/components/erase-link';
import { Notes } from '@/features/application/components/notes';
import { Pipeline } from '@/features/application/components/pipeline';
import { TriageKeys } from '@/features/application/components/triage-keys';
import type { listApplicationMail } from '@/features/application/emails';
import { APPLICATION_ERRORS, APPLICATION_SAVED } from '@/features/application/notices';
import type { getApplication } from '@/features/application/queries';
import type { getNeighbours } from '@/features/inbox/queries';
import { InterviewsPanel } from '@/features/interviews/components/interviews-panel';
import type { InterviewListing } from '@/features/interviews/team';
import { ResumeSection } from '@/features/resumes/components/resume-section';
import { VIEWER_URL } from '@/features/resumes/viewer/viewer-document';
import { saveScorecard } from '@/features/scorecards/actions';
import { Scorecards } from '@/features/scorecards/components/scorecards';
import type { getScorecards } from '@/features/scorecards/queries';
import type { Viewer } from '@/features/staff/context';
import type { listAssignable } from '@/features/team/assignment';
import { Assignment } from '@/features/team/components/assignment';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { isFinal } from '@/lib/status';

type Loaded<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;

// Long: the page's sections in the order a manager reads them; each section is a component of its own.
/** One application's page for the team: what the candidate sent, and everything the team does with it. */
export function ApplicationView({
  id,
  application,
  neighbours,
  emails,
  people,
  viewer,
  scorecards,
  interviews,
  view,
  query,
}: {
  id: number;
  application: Loaded<typeof getApplication>;
  neighbours: Loaded<typeof getNeighbours>;
  emails: Loaded<typeof listApplicationMail>;
  people: Loaded<typeof listAssignable>;
  viewer: Viewer;
  scorecards: Awaited<ReturnType<typeof getScorecards>>;
  interviews: InterviewListing[];
  /** The inbox view's query, without `?`. */
  view: string;
  query: Record<string, string | string[] | undefined>;
}) {
  const suffix = view ? `?${view}` : '';
  return (
    <article className="admin-detail">
      <ApplicationPager neighbours={neighbours} suffix={suffix} />
      <h1>{application.fullName}</h1>
      <TriageKeys
        nextHref={neighbours.older ? `/admin/applications/${neighbours.older}${suffix}` : undefined}
        previousHref={neighbours.newer ? `/admin/applications/${neighbours.newer}${suffix}` : undefined}
        status={application.status}
        canMove={application.erasedAt === null}
      />
      <Notice query={query} saved={APPLICATION_SAVED} errors={APPLICATION_ERRORS} />
      {application.erasedAt ? (
        <>
          <p className="notice">
            Erased {formatDateTime(application.erasedAt)}: what remains is the anonymous record of the application, for
            the statistics.
          </p>
          <Pipeline
            id={id}
            status={application.status}
            view={view}
            history={application.history}
            erased
            action={updateStatus}
          />
          <ApplicationEmails emails={emails} />
        </>
      ) : (
        // Wide screens: the resume on the left, kept in view on its own, beside what the reviewer does with it.
        // Narrow ones: one column, the facts, the resume, then the work, in the order of the markup.
        <div className="application-layout">
          <div className="application-layout__facts">
            <ApplicationFields application={application} />
          </div>
          <div className="application-layout__resume">
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
          </div>
          <div className="application-layout__work">
            <Pipeline
              id={id}
              status={application.status}
              view={view}
              history={application.history}
              erased={false}
              action={updateStatus}
            />
            <Assignment
              id={id}
              view={view}
              assigneeId={application.assigneeId}
              people={people}
              viewerId={viewer.userId}
              action={assign}
            />
            <InterviewsPanel id={id} view={view} interviews={interviews} canPropose={!isFinal(application.status)} />
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
            <ApplicationEmails emails={emails} />
            {viewer.role === 'reviewer' ? null : <EraseLink id={id} suffix={suffix} />}
          </div>
        </div>
      )}
    </article>
  );
}
