import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { eraseApplication } from '@/features/candidate/actions';
import { listOwnApplications } from '@/features/candidate/applications';
import { currentCandidate } from '@/features/candidate/context';

export const metadata: Metadata = { title: 'Erase an application', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The step before erasing: it cannot be undone, so it is asked once more, plainly. */
export default async function ErasePage({ searchParams }: Props) {
  if (!(await currentCandidate())) redirect('/applications');
  const { id } = await searchParams;
  const application = (await listOwnApplications()).find((a) => String(a.id) === id);
  if (!application) redirect('/applications?notice=not-found');
  return (
    <article className="prose">
      <h1>Erase your application for {application.postingTitle}?</h1>
      <p>
        We will delete at once your details, your answers, your cover letter and your resume. What is left is an
        anonymous record that an application was made for {application.postingTitle} and when, for our statistics. This
        cannot be undone; if you want to be considered for the role, do not erase your application.
      </p>
      <form action={eraseApplication}>
        <input type="hidden" name="id" value={application.id} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button button--danger">
          Erase my application now
        </button>{' '}
        <Link href="/applications">Keep it</Link>
      </form>
    </article>
  );
}
