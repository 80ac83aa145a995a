import type { ReactNode } from 'react';

export type ChartTable = { head: string[]; rows: { key: string; cells: (string | number)[] }[] };

/**
 * A chart with its title and its numbers: the SVG is an image with a one-line summary, and the same numbers are
 * in a table under "Show the numbers", for screen readers and for reading exact values.
 */
export function ChartFigure({
  id,
  title,
  note,
  table,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  table: ChartTable;
  children: ReactNode;
}) {
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
      </figcaption>
      {note ? <p className="chart-figure__note">{note}</p> : null}
      {children}
      <details>
        <summary>Show the numbers</summary>
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.head.map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
