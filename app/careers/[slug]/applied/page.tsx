import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertSignup } from '@/features/alerts/components/alert-signup';
import { alertFacets } from '@/features/alerts/facets';
import { getPosting, listPostings } from '@/lib/content';

type Params = { params: Promise<{ slug: string }> };

// Where a sent application lands (the action answers 303 here): light and static, so the posting is not
// rendered again, and reloading it sends nothing. It says the same for everyone, a duplicate included: only
// the mailbox's owner learns from the email whether that address had applied before.
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listPostings()).map((p) => ({ slug: p.slug }));
}

export const metadata: Metadata = { title: 'Application sent', robots: { index: false } };

export default async function AppliedPage({ params }: Params) {
  const posting = await getPosting((await params).slug);
  if (!posting) notFound();
  return (
    <article className="prose applied">
      <h1>Application sent</h1>
      <p>Thank you for applying for {posting.title}.</p>
      <p>
        We have sent an email to the address you gave, with your reference and a private link to a page where you can
        see your application, withdraw it, download what we hold or erase it. If it has not arrived within a few
        minutes, look in your spam folder, or <Link href="/applications/access">ask for a new link</Link>.
      </p>
      <p>
        <Link href="/careers">See our other open positions</Link>
      </p>
      <AlertSignup facets={await alertFacets()} category={posting.category} />
    </article>
  );
}
