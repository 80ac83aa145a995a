import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisTicks } from './components/column-chart';
import { readDashboardQuery } from './query';
import { shorten } from './shorten';

test('the dashboard reads its posting and period from the address, naming what it could not use', () => {
  assert.deepEqual(readDashboardQuery({}), { query: { days: 30 }, ignored: [] });
  assert.deepEqual(readDashboardQuery({ posting: 'data-engineer', days: '365' }), {
    query: { posting: 'data-engineer', days: 365 },
    ignored: [],
  });
  assert.deepEqual(readDashboardQuery({ posting: ['backend', 'design'], days: ['90', '30'] }), {
    query: { posting: 'backend', days: 90 },
    ignored: [],
  });
  for (const days of ['7', '-30', '30.5', '1e9', 'NaN', 'thirty', '0x1e', '030', ' 30 x']) {
    assert.deepEqual(readDashboardQuery({ days }), { query: { days: 30 }, ignored: ['days'] }, days);
  }
  for (const posting of ['../etc', 'UPPER', 'a'.repeat(201), 'x\u0000y']) {
    assert.deepEqual(readDashboardQuery({ posting }), { query: { days: 30 }, ignored: ['posting'] }, posting);
  }
});

test('a label is shortened to whole characters with an ellipsis, and left alone when it fits', () => {
  assert.equal(shorten('Backend Engineer', 20), 'Backend Engineer');
  assert.equal(shorten('Principal Distributed Systems Engineer', 12), 'Principal D…');
  // A person emoji with its skin tone and laptop is one character, never cut in half.
  assert.equal(shorten('Zoë 👩🏽‍💻 Müller', 6), 'Zoë 👩🏽‍💻…');
  assert.equal(shorten('Zoë 👩🏽‍💻 Müller', 5), 'Zoë…');
});

test('the time axis marks Mondays for a month, and each first of the month for longer', () => {
  const days = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    );
  // 2 November 2026 is a Monday.
  assert.deepEqual(axisTicks(days('2026-11-01', 30)), [
    { index: 1, text: '2 Nov' },
    { index: 8, text: '9 Nov' },
    { index: 15, text: '16 Nov' },
    { index: 22, text: '23 Nov' },
    { index: 29, text: '30 Nov' },
  ]);
  assert.deepEqual(
    axisTicks(days('2026-01-15', 90)).map((tick) => tick.text),
    ['Feb', 'Mar', 'Apr'],
  );
});
