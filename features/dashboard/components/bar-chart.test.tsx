import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { BarChart } from './bar-chart';

// The text after each bar: its x and its characters, at the widest a character of the chart's font takes.
const CHAR_PX = 7.2;

test('the number after the longest bar fits inside the chart, however long it is', () => {
  for (const text of ['7', '12,345 · 1,234 hired', '1,234,567 · 123,456 hired']) {
    const svg = renderToStaticMarkup(
      <BarChart
        label="Sources"
        series={['Applications', 'Hires']}
        bars={[
          { label: 'A source with a rather long name indeed', values: [1_234_567, 123_456], text },
          { label: 'small', values: [3, 1] },
        ]}
      />,
    );
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const after = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+">([^<]*)<\/text>/g)].filter(([, , t]) =>
      /\d/.test(t!),
    );
    assert.ok(after.length >= 2, svg);
    for (const [, x, written] of after) {
      assert.ok(Number(x) + written!.length * CHAR_PX <= width, `"${written}" at ${x} runs past ${width}`);
    }
    // The label is shortened, its whole text kept as a tooltip.
    assert.match(svg, /<title>A source with a rather long name indeed<\/title>A source with a[^<]*…</);
  }
});
