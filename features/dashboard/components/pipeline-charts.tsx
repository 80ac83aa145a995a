import { STATUS_LABELS } from '@/lib/status';
import { formatMinutes } from '../durations';
import type { PipelineReport, SourceRow } from '../pipeline';
import { BarChart } from './bar-chart';
import { ChartFigure } from './chart-figure';
import { ColumnChart } from './column-chart';

const DURATION_LABELS = { ...STATUS_LABELS, hire: 'Received to hired' } as const;

/** Sources drawn one by one, the biggest first; the chart sums the rest (the table lists every one). */
const SOURCES_DRAWN = 12;

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)} %`);

/** Every chart of the dashboard, each with its numbers in a table. */
export function PipelineCharts({ report }: { report: PipelineReport }) {
  const { perDay, funnel, durations, perPosting } = report;
  const received = funnel[0]!.reached;
  const busiest = perDay.reduce((a, b) => (b.count > a.count ? b : a), perDay[0]!);
  const sources = report.otherSources ? [...report.sources, report.otherSources] : report.sources;
  const drawn = sources.length > SOURCES_DRAWN + 1 ? sources.slice(0, SOURCES_DRAWN) : sources;
  const others = sources.slice(drawn.length).reduce<SourceRow | null>(
    (sum, row) => ({
      source: null,
      applications: (sum?.applications ?? 0) + row.applications,
      hires: (sum?.hires ?? 0) + row.hires,
    }),
    null,
  );
  const sourceBars = others ? [...drawn, others] : drawn;
  const sourceName = (row: SourceRow) =>
    row === report.otherSources || row === others ? 'Other sources' : (row.source ?? 'Not known');
  return (
    <div className="dashboard-charts">
      <ChartFigure
        id="per-day"
        title="Applications per day (UTC)"
        table={{
          head: ['Day', 'Applications'],
          rows: perDay.map((d) => ({ key: d.date, cells: [d.date, d.count] })),
        }}
      >
        <ColumnChart
          label={`${received} applications from ${report.from} to ${report.to}; the most on ${busiest.date}: ${busiest.count}`}
          days={perDay}
        />
      </ChartFigure>

      <ChartFigure
        id="funnel"
        title="How far applications got"
        note="Each application counts at the furthest stage it reached, and at every stage before it."
        table={{
          head: ['Stage', 'Reached', 'Of the stage before', 'Of all applications'],
          rows: funnel.map((step, i) => ({
            key: step.stage,
            cells: [
              STATUS_LABELS[step.stage],
              step.reached,
              i === 0 ? '–' : percent(step.reached, funnel[i - 1]!.reached),
              percent(step.reached, received),
            ],
          })),
        }}
      >
        <BarChart
          label={`Of ${received} applications, ${funnel.at(-1)!.reached} hired`}
          series={['Applications']}
          labelWidth={120}
          bars={funnel.map((step, i) => ({
            label: STATUS_LABELS[step.stage],
            values: [step.reached],
            text: i === 0 ? String(step.reached) : `${step.reached} · ${percent(step.reached, funnel[i - 1]!.reached)}`,
          }))}
        />
      </ChartFigure>

      <ChartFigure
        id="durations"
        title="Median time in each stage"
        note="Time spent in a stage before leaving it, and from an application to a hire; estimated within a fifth."
        table={{
          head: ['Stage', 'Median time', 'Applications measured'],
          rows: durations.map((d) => ({
            key: d.stage,
            cells: [
              DURATION_LABELS[d.stage],
              d.medianMinutes === null ? 'None yet' : formatMinutes(d.medianMinutes),
              d.count,
            ],
          })),
        }}
      >
        <BarChart
          label={durations
            .map(
              (d) =>
                `${DURATION_LABELS[d.stage]}: ${d.medianMinutes === null ? 'none yet' : formatMinutes(d.medianMinutes)}`,
            )
            .join('; ')}
          series={['Median time']}
          labelWidth={150}
          bars={durations.map((d) => ({
            label: DURATION_LABELS[d.stage],
            values: [d.medianMinutes ?? 0],
            text: d.medianMinutes === null ? 'none yet' : formatMinutes(d.medianMinutes),
          }))}
        />
      </ChartFigure>

      <ChartFigure
        id="sources"
        title="Applications and hires per source"
        table={{
          head: ['Source', 'Applications', 'Hires', 'Hired of applications'],
          rows: sources.map((row) => ({
            key: sourceName(row),
            cells: [sourceName(row), row.applications, row.hires, percent(row.hires, row.applications)],
          })),
        }}
      >
        {sources.length ? (
          <BarChart
            label={sourceBars
              .map((row) => `${sourceName(row)}: ${row.applications} applications, ${row.hires} hired`)
              .join('; ')}
            series={['Applications', 'Hires']}
            bars={sourceBars.map((row) => ({
              label: sourceName(row),
              values: [row.applications, row.hires],
              text: `${row.applications} · ${row.hires} hired`,
            }))}
          />
        ) : (
          <p>No applications in this period.</p>
        )}
      </ChartFigure>

      <ChartFigure
        id="per-posting"
        title="Applications per posting"
        table={{
          head: ['Posting', 'Applications'],
          rows: perPosting.map((p) => ({ key: p.slug, cells: [p.title, p.count] })),
        }}
      >
        {perPosting.length ? (
          <BarChart
            label={perPosting.map((p) => `${p.title}: ${p.count}`).join('; ')}
            series={['Applications']}
            bars={perPosting.map((p) => ({ label: p.title, values: [p.count] }))}
          />
        ) : (
          <p>No applications in this period.</p>
        )}
      </ChartFigure>
    </div>
  );
}
