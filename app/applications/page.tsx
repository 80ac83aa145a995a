import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { withdrawApplication } from '@/features/candidate/actions';
import { listOwnApplications } from '@/features/candidate/applications';
import { OwnApplications } from '@/features/candidate/components/own-applications';
import { SignedOut } from '@/features/candidate/components/signed-out';
import { YourData } from '@/features/candidate/components/your-data';
import { currentCandidate } from '@/features/candidate/context';

export const metadata: Metadata = { title: 'Your applications', robots: { index: false } };

const NOTICES: Record<string, string> = {
  withdrawn: 'Your application is withdrawn. We have sent you an email to confirm it.',
  erased: 'Your application is erased. We have sent you an email to confirm it.',
  'already-final': 'That application is already closed, so there was nothing to withdraw.',
  'not-found': 'That application is not one of yours, or it is erased already.',
  invalid: 'That request was not complete. Try again from this page.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicationsPage({ searchParams }: Props) {
  const candidate = await currentCandidate();
  const { notice } = await searchParams;
  if (!candidate) return <SignedOut notice={typeof notice === 'string' ? notice : undefined} />;
  const applications = await listOwnApplications();
  return (
    <article className="prose">
      <h1>Your applications</h1>
      <Notice query={{ saved: notice }} saved={NOTICES} />
      <OwnApplications applications={applications} withdraw={withdrawApplication} />
      <YourData />
    </article>
  );
}
