import type { Metadata } from 'next';
import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/components/ui/utc-date';
import { FeedForm } from '@/features/interviews/components/feed-form';
import { makeCalendarFeedAction, revokeCalendarFeedAction } from '@/features/interviews/feed-actions';
import { listMyInterviews, myCalendarFeed } from '@/features/interviews/mine';
import { formatRange } from '@/features/interviews/times';
import { INTERVIEW_KIND_LABELS } from '@/lib/interview';

export const metadata: Metadata = { title: 'My interviews' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyInterviewsPage({ searchParams }: Props) {
  const [{ upcoming, feedbackDue }, feed, query] = await Promise.all([
    listMyInterviews(),
    myCalendarFeed(),
    searchParams,
  ]);
  return (
    <article className="admin-detail">
      <h1>My interviews</h1>
      <Notice query={query} saved={{ 'feed-revoked': 'Your calendar link is revoked: it shows nothing any more.' }} />
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">Scorecards due</h2>
        {feedbackDue.length ? (
          <ul>
            {feedbackDue.map((interview) => (
              <li key={interview.id}>
                <Link href={`/admin/applications/${interview.applicationId}#scorecard`}>
                  {interview.candidateName}, {interview.title} ({interview.postingTitle})
                </Link>
                : {formatRange(interview.startsAt!, interview.endsAt!, interview.timeZone)}
              </li>
            ))}
          </ul>
        ) : (
          <p>None: every interview you held has your scorecard.</p>
        )}
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Coming up</h2>
        {upcoming.length ? (
          <ul>
            {upcoming.map((interview) => (
              <li key={interview.id}>
                <Link href={`/admin/applications/${interview.applicationId}#interviews`}>
                  {interview.candidateName}, {interview.title} ({interview.postingTitle})
                </Link>
                : {formatRange(interview.startsAt!, interview.endsAt!, interview.timeZone)},{' '}
                {INTERVIEW_KIND_LABELS[interview.kind].toLowerCase()}, {interview.location}
              </li>
            ))}
          </ul>
        ) : (
          <p>No interviews booked with you.</p>
        )}
      </section>
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">In your calendar</h2>
        <p>
          A private link your calendar program subscribes to: your interviews, updated as they are booked, moved and
          cancelled, named by the candidate and the role, and nothing else of theirs.
          {feed
            ? ` Made ${formatDateTime(feed.createdAt)}${feed.lastReadAt ? `, last read ${formatDateTime(feed.lastReadAt)}` : ', not read yet'}.`
            : ''}
        </p>
        <FeedForm exists={feed !== null} action={makeCalendarFeedAction} />
        {feed ? (
          <form action={revokeCalendarFeedAction}>
            <button type="submit" className="button button--secondary">
              Revoke my calendar link
            </button>
          </form>
        ) : null}
      </section>
    </article>
  );
}
