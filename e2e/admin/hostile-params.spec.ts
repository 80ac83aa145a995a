import { HOSTILE_VALUES } from '@/test-support/hostile-values';
import { seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

// No value of any admin query parameter answers 500: control characters are dropped, bad values are left out
// and the page says the filter was not applied. The parsers and the queries meet every value in every
// parameter on both databases (features/inbox/hostile-params.test.ts); here each page gets each value in all
// its parameters at once (a long one in each on its own), and each parameter twice.
const PARAMS = ['q', 'posting', 'status', 'source', 'from', 'to', 'assigned', 'before', 'saved', 'error'];

test('no value of any inbox, export or detail parameter gives a 500', async ({ page, admin }) => {
  test.setTimeout(60_000);
  const id = await seedApplication({ fullName: 'Param Target' });
  await admin.signIn(page);
  const failures: string[] = [];
  const tryUrl = async (url: string) => {
    const response = await page.request.get(url, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 120)}`);
  };
  for (const base of ['/admin', '/admin/export', `/admin/applications/${id}`, '/admin/audit', '/admin/dashboard']) {
    for (const value of HOSTILE_VALUES) {
      // A long value in all ten at once would pass Node's 16 KB header limit (a 431 before the page runs).
      const sets = value.length > 200 ? PARAMS.map((p) => [[p, value]]) : [PARAMS.map((p) => [p, value])];
      for (const set of sets) await tryUrl(`${base}?${new URLSearchParams(set)}`);
    }
    await tryUrl(`${base}?${PARAMS.map((p) => `${p}=a&${p}=b`).join('&')}`);
  }
  expect(failures).toEqual([]);
});

test('a search with a NUL finds what it would without it, and a bad date is named as not applied', async ({
  page,
  admin,
}) => {
  await seedApplication({ fullName: 'Nullbyte Searchable' });
  await admin.signIn(page);
  await page.goto(`/admin?q=${encodeURIComponent('Nullbyte\u0000')}&from=2026-02-30`);
  await expect(page.getByRole('link', { name: 'Nullbyte Searchable' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not applied' })).toContainText('Received from: not a date');
});

test('hostile application ids are a 404, not a 500', async ({ page, admin }) => {
  await admin.signIn(page);
  for (const id of ['%00', '-1', '0', '1e3', '99999999999999999999', 'abc', '1;DROP TABLE applications']) {
    for (const suffix of ['', '/resume', '/resume?download=1']) {
      const response = await page.request.get(`/admin/applications/${id}${suffix}`, { maxRedirects: 0 });
      expect(response.status(), `${id}${suffix}`).toBe(404);
    }
  }
});
