import type { Metadata } from 'next';
import { AlertSignup } from '@/features/alerts/components/alert-signup';
import { alertFacets } from '@/features/alerts/facets';

export const metadata: Metadata = { title: 'Job alerts', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The job alert form on a page of its own: where its answers land (sent, an error, left). */
export default async function AlertsPage({ searchParams }: Props) {
  const { sent, error, left } = await searchParams;
  return (
    <article className="prose">
      <h1>Job alerts</h1>
      {sent ? (
        <p className="notice" role="status">
          Thank you. If that address can receive alerts, we have sent it an email with a link to confirm them: nothing
          is sent until you do. It can take a few minutes to arrive; look in your spam folder too.
        </p>
      ) : null}
      {left ? (
        <p className="notice" role="status">
          You are unsubscribed: that alert is deleted and will send nothing more.
        </p>
      ) : null}
      <AlertSignup
        facets={await alertFacets()}
        headingLevel={2}
        error={error === 'email' || error === 'form' ? error : undefined}
      />
    </article>
  );
}
