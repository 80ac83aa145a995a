import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/ui/utc-date';
import { ArchivedPosting } from '@/features/application/components/archived-posting';
import { getAppliedVersion } from '@/features/application/posting-versions';
import { parseApplicationId } from '@/features/application/schemas';

export const metadata: Metadata = { title: 'Posting as the candidate read it' };

type Props = { params: Promise<{ id: string }> };

/** The posting as this application's candidate read it, whatever was edited since. */
export default async function AppliedVersionPage({ params }: Props) {
  const id = parseApplicationId((await params).id);
  if (id === null) notFound();
  const version = await getAppliedVersion({ applicationId: id });
  if (!version) notFound();
  return (
    <article className="admin-detail">
      <nav className="pager" aria-label="Application">
        <Link href={`/admin/applications/${id}`}>Back to the application of {version.fullName}</Link>
      </nav>
      <h1>The posting as {version.fullName} read it</h1>
      <p className="notice" role="note">
        An archived version, from{' '}
        <time dateTime={version.createdAt.toISOString()}>{formatDateTime(version.createdAt)}</time>: the posting may
        have changed since.
      </p>
      <ArchivedPosting version={version} />
    </article>
  );
}
