import Link from 'next/link';
import { formatDateTime } from '@/components/ui/utc-date';
import { sendAgainAction } from '@/features/webhooks/actions';
import type { getEndpoint } from '@/features/webhooks/endpoints';

type Page = NonNullable<Awaited<ReturnType<typeof getEndpoint>>>;

const STATUS_WORDS = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' } as const;

function outcome(delivery: Page['deliveries'][number]): string {
  if (delivery.status === 'pending') {
    return delivery.attempts ? `Next try ${formatDateTime(delivery.nextAttemptAt)}` : 'Not tried yet';
  }
  return delivery.lastAttemptAt ? formatDateTime(delivery.lastAttemptAt) : '';
}

/** The endpoint's deliveries, newest first: what was sent, what the receiver answered, and "Send again". */
export function DeliveryLog({ page }: { page: Page }) {
  const { endpoint, deliveries, nextBefore } = page;
  if (!deliveries.length) return <p>No deliveries yet.</p>;
  return (
    <>
      <table className="admin-table">
        <caption>Deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Response</th>
            <th scope="col">Tries</th>
            <th scope="col">Last try</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <th scope="row">
                <code>{delivery.event}</code>
                <div>
                  {formatDateTime(delivery.createdAt)}
                  {delivery.applicationId ? (
                    <>
                      {' · '}
                      <Link href={`/admin/applications/${delivery.applicationId}`}>
                        application #{delivery.applicationId}
                      </Link>
                    </>
                  ) : null}
                </div>
                <div>
                  <small>id {delivery.deliveryId}</small>
                </div>
              </th>
              <td>{STATUS_WORDS[delivery.status]}</td>
              <td>
                {delivery.responseStatus ?? '–'}
                {delivery.durationMs !== null ? ` in ${delivery.durationMs} ms` : ''}
                {delivery.lastError && delivery.status !== 'delivered' ? <div>{delivery.lastError}</div> : null}
              </td>
              <td>{delivery.attempts}</td>
              <td>{outcome(delivery)}</td>
              <td>
                <form action={sendAgainAction} className="inline-form">
                  <input type="hidden" name="delivery" value={delivery.id} />
                  <button type="submit" className="button button--secondary">
                    Send again
                    <span className="visually-hidden">
                      {' '}
                      {delivery.event} of {formatDateTime(delivery.createdAt)}
                    </span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBefore ? (
        <p>
          <Link href={`/admin/webhooks/${endpoint.id}?before=${nextBefore}`}>Older deliveries</Link>
        </p>
      ) : null}
    </>
  );
}
