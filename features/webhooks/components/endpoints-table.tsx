import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import type { listEndpoints } from '@/features/webhooks/endpoints';

type Endpoint = Awaited<ReturnType<typeof listEndpoints>>[number];

export function endpointState(endpoint: Pick<Endpoint, 'pausedAt' | 'failingSince'>): string {
  if (endpoint.pausedAt) return `Paused since ${formatDateTime(endpoint.pausedAt)}`;
  if (endpoint.failingSince) return `Failing since ${formatDateTime(endpoint.failingSince)}`;
  return 'Active';
}

export function EndpointsTable({ endpoints }: { endpoints: Endpoint[] }) {
  if (!endpoints.length) return <p>No endpoints yet: add one below.</p>;
  return (
    <table className="admin-table">
      <caption>Endpoints</caption>
      <thead>
        <tr>
          <th scope="col">URL</th>
          <th scope="col">Events</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr key={endpoint.id}>
            <th scope="row">
              <Link href={`/admin/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
              {endpoint.description ? <div>{endpoint.description}</div> : null}
            </th>
            <td>{endpoint.events.join(', ')}</td>
            <td>{endpointState(endpoint)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
