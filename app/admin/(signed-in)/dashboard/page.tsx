import type { Metadata } from 'next';
import { DashboardFilters } from '@/features/dashboard/components/dashboard-filters';
import { PipelineCharts } from '@/features/dashboard/components/pipeline-charts';
import { pipelineReport } from '@/features/dashboard/pipeline';
import { readDashboardQuery } from '@/features/dashboard/query';
import './dashboard.css';

export const metadata: Metadata = { title: 'Dashboard' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const { query, ignored } = readDashboardQuery(await searchParams);
  let report = await pipelineReport({ query });
  const { postings } = report;
  // A posting the viewer cannot see (or that has no applications) is named as ignored, not shown as empty.
  if (query.posting !== undefined && !postings.some((p) => p.slug === query.posting)) {
    delete query.posting;
    ignored.push('posting');
    report = await pipelineReport({ query });
  }
  const posting = postings.find((p) => p.slug === query.posting);
  return (
    <>
      <h1>Dashboard</h1>
      <DashboardFilters query={query} postings={postings} ignored={ignored} />
      <p className="dashboard__scope">
        Applications received from {report.from} to {report.to} (UTC),{' '}
        {posting ? `for ${posting.title}` : 'for every posting'}
        {report.funnel[0]!.reached === 0 ? ': none yet.' : '.'}
      </p>
      <PipelineCharts report={report} />
    </>
  );
}
