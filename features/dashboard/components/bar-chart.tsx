import { shorten } from '../shorten';

export type Bar = {
  /** Names the row; shortened to fit, with the full text in a tooltip and in the table. */
  label: string;
  /** One value per series, drawn as bars of one row; the first is the widest the row may need. */
  values: number[];
  /** Written after the bars (the number, or a duration); the first value by default. */
  text?: string;
};

const WIDTH = 540;
const ROW = 22;
// Wider than the average character of the charts' 12-pixel font (dashboard.css), so a shortened label always fits its column.
const CHAR_PX = 7.2;

/**
 * Horizontal bars drawn as SVG on the server: no chart library and no JavaScript. Labels are shortened to the
 * room they have (the full text in a <title>), so none is cut at the edge; `series` names each value's bars.
 */
export function BarChart({
  label,
  bars,
  series,
  labelWidth = 180,
}: {
  label: string;
  bars: Bar[];
  series: string[];
  labelWidth?: number;
}) {
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  // Room after the longest bar for the longest text written there, so no number runs past the edge.
  const valueRoom = 10 + CHAR_PX * Math.max(4, ...bars.map((b) => (b.text ?? String(b.values[0] ?? 0)).length));
  const plot = WIDTH - labelWidth - valueRoom;
  const maxChars = Math.floor((labelWidth - 10) / CHAR_PX);
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + bars.length * ROW + 4;
  const barHeight = (ROW - 6) / series.length;
  return (
    <svg className="chart" width={WIDTH} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      {series.length > 1 ? (
        <g className="chart__legend">
          {series.map((name, s) => (
            <g key={name} transform={`translate(${labelWidth + s * 120} 4)`}>
              <rect className={`bar bar--${s}`} width={12} height={12} />
              <text x={18} y={11}>
                {name}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      {bars.map((b, i) => {
        const short = shorten(b.label, maxChars);
        return (
          <g key={b.label} transform={`translate(0 ${legend + i * ROW + 2})`}>
            <text x={labelWidth - 8} y={ROW / 2 + 2} textAnchor="end">
              {short !== b.label ? <title>{b.label}</title> : null}
              {short}
            </text>
            {b.values.map((value, s) => (
              <rect
                key={s}
                className={`bar bar--${s}`}
                x={labelWidth}
                y={2 + s * barHeight}
                height={barHeight - 1}
                width={(value / max) * plot}
              />
            ))}
            <text x={labelWidth + ((b.values[0] ?? 0) / max) * plot + 6} y={ROW / 2 + 2}>
              {b.text ?? b.values[0]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
