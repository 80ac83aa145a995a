import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { withdrawApplication } from '@/features/candidate/actions';
import { listOwnApplications } from '@/features/candidate/applications';
import { OwnApplications } from '@/features/candidate/components/own-applications';
import { SignedOut } from '@/features/candidate/components/signed-out';
import { YourData } from '@/features/candidate/components/your-data';
import { currentCandidate } from '@/features/candidate/context';
import { OwnInterviews } from '@/features/interviews/components/own-interviews';
import { listOwnInterviews } from '@/features/interviews/own';
import { isTimeZone } from '@/features/interviews/times';

export const metadata: Metadata = { title: 'Your applications', robots: { index: false } };

const NOTICES: Record<string, string> = {
  withdrawn: 'Your application is withdrawn. We have sent you an email to confirm it.',
  erased: 'Your application is erased. We have sent you an email to confirm it.',
  'already-final': 'That application is already closed, so there was nothing to withdraw.',
  'not-found': 'That application is not one of yours, or it is erased already.',
  invalid: 'That request was not complete. Try again from this page.',
  'interview-booked': 'Your interview is booked. We have emailed you the invitation for your calendar.',
  'interview-moved': 'Your interview has its new time. We have emailed you the updated invitation.',
  'interview-unchanged': 'Your interview was already at that time.',
  'interview-taken': 'Someone booked that time a moment ago. Please choose another.',
  'interview-choose': 'Choose one of the times first.',
  'interview-past': 'That time has passed. Please choose another.',
  'interview-not-offered': 'That time is not one of those offered. Please choose from the list.',
  'interview-too-late': 'It is too late to change that interview here: reply to its email instead.',
  'interview-cancelled': 'The interview is cancelled. We have told the team.',
  'interview-cancelled-already': 'That interview was cancelled by the team.',
  'interview-closed': 'That application is closed, so its interview cannot be changed.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicationsPage({ searchParams }: Props) {
  const candidate = await currentCandidate();
  const { notice, tz } = await searchParams;
  if (!candidate) return <SignedOut notice={typeof notice === 'string' ? notice : undefined} />;
  const [applications, interviews] = await Promise.all([listOwnApplications(), listOwnInterviews()]);
  const chosenZone = typeof tz === 'string' && isTimeZone(tz) ? tz : undefined;
  return (
    <article className="prose">
      <h1>Your applications</h1>
      <Notice query={{ saved: notice }} saved={NOTICES} />
      <OwnInterviews interviews={interviews} chosenZone={chosenZone} />
      <OwnApplications applications={applications} withdraw={withdrawApplication} />
      <YourData />
    </article>
  );
}
