import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/index';
import { AlertAction, AlertSettings, describeAlert } from '@/features/alerts/components/alert-settings';
import { alertFacets } from '@/features/alerts/facets';
import { subscriptionByToken } from '@/features/alerts/subscriptions';
import { alertsRetentionDays } from '@/features/privacy/retention-days';
import { DAY_MS } from '@/lib/days';

export const metadata: Metadata = { title: 'Your job alert', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = {
  confirmed: 'Your job alert is on. We will email you when a job that fits opens.',
  saved: 'Your changes are saved.',
  kept: 'Your alert is kept for another year.',
};

/**
 * A job alert's own page, opened from its emails' links (the token is the only key): confirm it (a button, so
 * a mail scanner that opens the link confirms nothing), change it, keep it, or leave.
 */
export default async function ManageAlertPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const alert = await subscriptionByToken({ database: await getDb(), token });
  if (!alert) {
    return (
      <article className="prose">
        <h1>This link does not open an alert</h1>
        <p>
          The alert was deleted (unsubscribed, or never confirmed within a week), or the link was not copied whole.{' '}
          <Link href="/alerts">Ask for a new alert</Link>.
        </p>
      </article>
    );
  }
  const done = typeof params.done === 'string' ? DONE[params.done] : undefined;
  if (!alert.confirmedAt) {
    return (
      <article className="prose">
        <h1>Confirm your job alert</h1>
        <p>
          {describeAlert(alert)}, to {alert.email}.
        </p>
        <AlertAction token={token} action="confirm" label="Confirm my job alert" />
        <p>If you did not ask for it, leave this page: without a confirmation it is deleted within a week.</p>
      </article>
    );
  }
  const ends = new Date(alert.renewedAt.getTime() + alertsRetentionDays() * DAY_MS);
  return (
    <article className="prose">
      <h1>Your job alert</h1>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <p>
        {describeAlert(alert)}, to {alert.email}. It ends on{' '}
        {ends.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} unless
        you keep it.
      </p>
      <AlertAction token={token} action="keep" label="Keep my alert for another year" secondary />
      <h2>Change it</h2>
      <AlertSettings token={token} facets={await alertFacets()} choice={alert} />
      <h2>Stop it</h2>
      <p>Unsubscribing deletes the alert at once; nothing more is sent.</p>
      <AlertAction token={token} action="leave" label="Unsubscribe" secondary />
    </article>
  );
}
