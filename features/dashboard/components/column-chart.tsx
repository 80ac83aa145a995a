const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 28;

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** Which days carry a label under the axis: each Monday for a month or less, each 1st of a month beyond. */
export function axisTicks(dates: string[]): { index: number; text: string }[] {
  const monthly = dates.length > 45;
  return dates.flatMap((date, index) => {
    const day = new Date(`${date}T00:00:00Z`);
    if (monthly ? day.getUTCDate() !== 1 : day.getUTCDay() !== 1) return [];
    return [{ index, text: monthly ? monthLabel.format(day) : dayLabel.format(day) }];
  });
}

/**
 * One column per day, oldest on the left, with a time axis under them and the scale on the left: drawn as SVG on
 * the server. Labels are placed so that none runs past the SVG's edges.
 */
export function ColumnChart({ label, days }: { label: string; days: { date: string; count: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const gap = step > 4 ? 1 : 0;
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  return (
    <svg className="chart" width={WIDTH} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {[0, max / 2, max].map((value) => (
        <g key={value} className="chart__grid">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(value)} y2={y(value)} />
          <text x={LEFT - 6} y={y(value) + 4} textAnchor="end">
            {Number.isInteger(value) ? value : value.toFixed(1)}
          </text>
        </g>
      ))}
      {days.map((d, i) => (
        <rect
          key={d.date}
          className="bar bar--0"
          x={LEFT + i * step + gap / 2}
          y={y(d.count)}
          width={Math.max(0.5, step - gap)}
          height={TOP + plotHeight - y(d.count)}
        >
          <title>{`${d.date}: ${d.count}`}</title>
        </rect>
      ))}
      {axisTicks(days.map((d) => d.date)).map((tick) => {
        const x = LEFT + tick.index * step;
        // Near the right edge a label ends at its day instead of starting there.
        const end = x + tick.text.length * 7.2 > WIDTH;
        return (
          <g key={tick.index} className="chart__tick">
            <line x1={x} x2={x} y1={TOP + plotHeight} y2={TOP + plotHeight + 4} />
            <text x={x} y={HEIGHT - 8} textAnchor={end ? 'end' : 'start'}>
              {tick.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
