import { seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

// No value of any admin query parameter answers 500: control characters are dropped, bad values are left out
// and the page says the filter was not applied.

const HOSTILE = [
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[31m',
  '\u202Eevil',
  '%',
  '%00',
  '"',
  "' OR 1=1 --",
  '*',
  'NEAR(a b)',
  'a AND OR NOT',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99',
  'x'.repeat(5_000),
  '🙂'.repeat(300),
  '<script>alert(1)</script>',
];
const PARAMS = ['q', 'posting', 'status', 'from', 'to', 'before', 'saved', 'error'];

test('no value of any inbox, export or detail parameter gives a 500', async ({ page, admin }) => {
  test.setTimeout(120_000);
  const id = await seedApplication({ fullName: 'Param Target' });
  await admin.signIn(page);
  const failures: string[] = [];
  for (const base of ['/admin', '/admin/export', `/admin/applications/${id}`, '/admin/audit', '/admin/dashboard']) {
    for (const param of PARAMS) {
      for (const value of HOSTILE) {
        const url = `${base}?${new URLSearchParams([[param, value]])}`;
        const response = await page.request.get(url, { maxRedirects: 0 });
        if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 120)}`);
      }
      const twice = `${base}?${param}=a&${param}=b`;
      if ((await page.request.get(twice, { maxRedirects: 0 })).status() >= 500) failures.push(twice);
    }
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
