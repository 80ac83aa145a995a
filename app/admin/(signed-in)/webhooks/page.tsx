import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { currentViewer } from '@/features/staff/context';
import { addEndpoint } from '@/features/webhooks/actions';
import { EndpointForm } from '@/features/webhooks/components/endpoint-form';
import { EndpointsTable } from '@/features/webhooks/components/endpoints-table';
import { listEndpoints } from '@/features/webhooks/endpoints';
import { WEBHOOK_ERRORS, WEBHOOK_SAVED } from '@/features/webhooks/notices';

export const metadata: Metadata = { title: 'Webhooks' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  const viewer = await currentViewer();
  if (viewer?.role !== 'owner') {
    return (
      <>
        <h1>Webhooks</h1>
        <p>Only owners manage webhooks. Ask an owner if your team needs one.</p>
      </>
    );
  }
  const [query, endpoints] = await Promise.all([searchParams, listEndpoints()]);
  return (
    <>
      <h1>Webhooks</h1>
      <Notice query={query} saved={WEBHOOK_SAVED} errors={WEBHOOK_ERRORS} />
      <p>
        The site posts each event you choose to your endpoints as signed JSON: ids, statuses and the posting, never a
        candidate’s name, address or resume. Failed deliveries are tried again for a day; an endpoint failing for a day
        is paused, and you get an email. How a receiver verifies a delivery is in the site’s docs/webhooks.md.
      </p>
      <EndpointsTable endpoints={endpoints} />
      <section aria-labelledby="add-endpoint">
        <h2 id="add-endpoint">Add an endpoint</h2>
        <EndpointForm action={addEndpoint} />
      </section>
    </>
  );
}
