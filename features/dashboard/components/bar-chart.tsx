type Bar = { label: string; value: number };

// Long: the chart's SVG and its table for screen readers, which must show the same numbers.
/**
 * A horizontal bar chart drawn as SVG on the server: no chart library and no JavaScript. The SVG is an
 * image with a summary; the same numbers are in a table for screen readers and for reading exact values.
 */
export function BarChart({
  id,
  title,
  bars,
  labelWidth = 160,
}: {
  id: string;
  title: string;
  bars: Bar[];
  labelWidth?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 18;
  const width = 640;
  const plot = width - labelWidth - 40;
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
      </figcaption>
      <svg
        className="chart"
        viewBox={`0 0 ${width} ${bars.length * row + 4}`}
        role="img"
        aria-label={`${title}: ${total} in total`}
      >
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0 ${i * row + 2})`}>
            <text x={labelWidth - 6} y={row / 2 + 4} textAnchor="end">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect className="bar" x={labelWidth} y={2} height={row - 5} width={(b.value / max) * plot} />
            <text x={labelWidth + (b.value / max) * plot + 4} y={row / 2 + 4}>
              {b.value}
            </text>
          </g>
        ))}
      </svg>
      <details>
        <summary>Show the numbers</summary>
        <table className="admin-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Applications</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
