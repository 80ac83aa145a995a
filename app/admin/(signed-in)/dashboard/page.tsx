import type { Metadata } from 'next';
import { BarChart } from '@/features/dashboard/components/bar-chart';
import { applicationsPerSource } from '@/features/dashboard/sources';
import { applicationsPerDay, applicationsPerPosting, statusFunnel } from '@/features/dashboard/stats';
import { APPLICATION_STATUSES, STATUS_LABELS } from '@/lib/status';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const [perDay, perPosting, perSource, funnel] = await Promise.all([
    applicationsPerDay({ days: 30 }),
    applicationsPerPosting(),
    applicationsPerSource(),
    statusFunnel(),
  ]);
  return (
    <>
      <h1>Dashboard</h1>
      <BarChart
        id="per-day"
        title="Applications per day, last 30 days (UTC)"
        labelWidth={90}
        bars={perDay.map((d) => ({ label: d.date, value: d.count }))}
      />
      <BarChart
        id="per-posting"
        title="Applications per posting"
        bars={perPosting.map((p) => ({ label: p.title, value: p.count }))}
      />
      <BarChart
        id="per-source"
        title="Applications per source"
        bars={perSource.map((s) => ({ label: s.source ?? 'Unknown', value: s.count }))}
      />
      <BarChart
        id="funnel"
        title="Funnel by status"
        bars={APPLICATION_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: funnel[s] }))}
      />
    </>
  );
}
