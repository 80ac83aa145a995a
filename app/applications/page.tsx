import type { Metadata } from 'next';
import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { withdrawApplication } from '@/features/candidate/actions';
import { listOwnApplications } from '@/features/candidate/applications';
import { OwnApplications } from '@/features/candidate/components/own-applications';
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

// Long: the candidate's page says something different for each way they can arrive.
export default async function ApplicationsPage({ searchParams }: Props) {
  const candidate = await currentCandidate();
  const { notice } = await searchParams;
  if (!candidate) {
    return (
      <article className="prose">
        <h1>Your applications</h1>
        {notice === 'signed-out-everywhere' ? (
          <p className="notice" role="status">
            You are signed out everywhere: every private link we sent you has stopped working. Ask for a new link below
            when you need one.
          </p>
        ) : null}
        {notice === 'erased' ? (
          // Erasing the address's last application forgets the address, its links and this session with it.
          <p className="notice" role="status">
            Your application is erased. We have sent you an email to confirm it. We hold nothing else under your
            address, so your private link has stopped working too.
          </p>
        ) : null}
        <p>
          You can see your applications, withdraw them, download everything we hold about them or erase them, from a
          private link we send by email. No account or password is needed.
        </p>
        <p>
          <Link className="button" href="/applications/access">
            Email me a link
          </Link>
        </p>
      </article>
    );
  }
  const applications = await listOwnApplications();
  return (
    <article className="prose">
      <h1>Your applications</h1>
      <Notice query={{ saved: notice }} saved={NOTICES} />
      <OwnApplications applications={applications} withdraw={withdrawApplication} />
      <h2>Your data</h2>
      <p>
        <a href="/applications/data" download>
          Download everything we hold about your applications
        </a>{' '}
        (a ZIP file with your details, your answers, the history of each application and your resumes).
      </p>
      <form method="post" action="/applications/sign-out">
        <button type="submit" className="button button--secondary">
          Sign out
        </button>
      </form>
      <h2>Signed in somewhere else?</h2>
      <p>
        Each email we send you carries a private link, which works for 30 days; asking for a new link stops the earlier
        ones. If a link may have reached someone else, end every session and every link at once.
      </p>
      <form method="post" action="/applications/sign-out?everywhere=1">
        <button type="submit" className="button button--secondary">
          Sign out everywhere
        </button>
      </form>
    </article>
  );
}
