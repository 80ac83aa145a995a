import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/components/ui/utc-date';
import { currentViewer } from '@/features/staff/context';
import { removeEndpointAction, resumeEndpointAction } from '@/features/webhooks/actions';
import { DeliveryLog } from '@/features/webhooks/components/delivery-log';
import { endpointState } from '@/features/webhooks/components/endpoints-table';
import { getEndpoint } from '@/features/webhooks/endpoints';
import { WEBHOOK_ERRORS, WEBHOOK_SAVED } from '@/features/webhooks/notices';
import { rowId } from '@/lib/row-id';

export const metadata: Metadata = { title: 'Webhook endpoint' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EndpointPage({ params, searchParams }: Props) {
  const viewer = await currentViewer();
  if (viewer?.role !== 'owner') notFound();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = rowId.safeParse(rawId);
  const before = rowId.safeParse(query.before);
  if (!id.success) notFound();
  const page = await getEndpoint({ id: id.data, before: before.success ? before.data : undefined });
  if (!page) notFound();
  const { endpoint } = page;
  return (
    <>
      <p>
        <Link href="/admin/webhooks">All endpoints</Link>
      </p>
      <h1>Webhook endpoint</h1>
      <Notice query={query} saved={WEBHOOK_SAVED} errors={WEBHOOK_ERRORS} />
      <dl className="admin-fields">
        <div>
          <dt>URL</dt>
          <dd>{endpoint.url}</dd>
        </div>
        {endpoint.description ? (
          <div>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </div>
        ) : null}
        <div>
          <dt>Events</dt>
          <dd>{endpoint.events.join(', ')}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{endpointState(endpoint)}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatDateTime(endpoint.createdAt)}</dd>
        </div>
      </dl>
      {endpoint.pausedAt ? (
        <form action={resumeEndpointAction} className="inline-form">
          <input type="hidden" name="endpoint" value={endpoint.id} />
          <button type="submit" className="button">
            Resume the endpoint
          </button>
        </form>
      ) : null}
      {query.confirm === 'remove' ? (
        <section aria-labelledby="remove-heading" className="notice notice--error">
          <h2 id="remove-heading">Remove this endpoint?</h2>
          <p>Events are no longer sent to it, and its delivery log goes with it. This cannot be undone.</p>
          <form action={removeEndpointAction} className="inline-form">
            <input type="hidden" name="endpoint" value={endpoint.id} />
            <button type="submit" className="button">
              Remove for good
            </button>
          </form>{' '}
          <Link href={`/admin/webhooks/${endpoint.id}`}>Keep it</Link>
        </section>
      ) : (
        <p>
          <Link href={`/admin/webhooks/${endpoint.id}?confirm=remove`}>Remove the endpoint and its log</Link>
        </p>
      )}
      <h2>Deliveries</h2>
      <DeliveryLog page={page} />
    </>
  );
}
