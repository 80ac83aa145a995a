import fs from 'node:fs';
import path from 'node:path';
import { SEED } from './fixtures/apply';
import { expect, test } from './fixtures/test';

test('the home page leads to the listing', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/careers$/);
  await expect(page.getByRole('heading', { level: 1, name: /Careers at/ })).toBeVisible();
});

test('the listing groups open postings by category, ordered by position then title', async ({ page }) => {
  await page.goto('/careers');
  // The categories, then the job alert form under the list.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Design',
    'Open Positions',
    'Tell me about new jobs',
  ]);
  const openPositions = page.getByRole('region', { name: 'Open Positions' }).getByRole('link');
  // Data Platform Engineer has position 1, the seed posting position 2.
  await expect(openPositions).toHaveText(['Data Platform Engineer', 'Senior Backend Engineer (Remote)']);
  // A draft is invisible in a production build, a closed posting leaves the listing.
  await expect(page.getByText('Engineering Manager, Platform')).toHaveCount(0);
  await expect(page.getByText('Solutions Engineer')).toHaveCount(0);
});

test('filters work without JavaScript and live in the URL', async ({ noJsPage: page }) => {
  await page.goto('/careers');
  await page.getByRole('search', { name: 'Filter positions' }).getByLabel('Team').selectOption('Design');
  await page.getByRole('button', { name: 'Show positions' }).click();
  await expect(page).toHaveURL(/category=Design/);
  await expect(page.getByRole('link', { name: 'Product Designer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Data Platform Engineer' })).toHaveCount(0);

  await page.goto('/careers?q=berlin');
  await expect(page.getByLabel('Search')).toHaveValue('berlin');
  await expect(page.locator('.posting-card')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Data Platform Engineer' })).toBeVisible();

  await page.goto('/careers?q=cobol+mainframe');
  await expect(page.getByRole('heading', { name: 'No positions match your search' })).toBeVisible();
  await page.getByRole('link', { name: /see all 3 positions/ }).click();
  await expect(page.locator('.posting-card')).toHaveCount(3);
});

test('the seed posting renders every shared section, with no raw tags', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  const response = await page.goto(SEED);
  const html = await response!.text();
  expect(html).not.toContain('<common-section');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Senior Backend Engineer (Remote)');

  // The first sentence of every section file appears on the page.
  for (const name of ['technical-stack', 'common-requirements', 'team', 'mission', 'apply-now']) {
    const source = fs.readFileSync(path.join('content/sections', `${name}.mdx`), 'utf8');
    const firstLine = source.split('\n')[0]!.replace(/^- /, '').replace(/\*\*/g, '').split(/[.:;]/)[0]!;
    await expect(page.getByText(firstLine, { exact: false }).first()).toBeVisible();
  }

  // common-requirements sits inside the last list item: its items continue that same list.
  const list = page.locator('ul', { has: page.getByText('Not be afraid of contributing') });
  await expect(list).toHaveCount(1);
  const items = list.locator(':scope > li');
  await expect(items.nth(4)).toContainText('Not be afraid of contributing');
  await expect(items.nth(5)).toContainText('Write clearly');
  await expect(list.locator('ul, p')).toHaveCount(0);
  // Valid nesting: no block element inside a paragraph anywhere in the posting.
  expect(await page.locator('p :is(p, ul, ol, div, h2, h3)').count()).toBe(0);

  await page.getByLabel('Full name').focus(); // loads the form's enhancement too
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('an unknown posting and a draft are real 404s', async ({ page }) => {
  for (const slug of ['no-such-job', 'engineering-manager-platform']) {
    const response = await page.goto(`/careers/${slug}`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('a closed posting says so and shows no form', async ({ page }) => {
  await page.goto('/careers/solutions-engineer-new-york');
  await expect(page.getByText('This position is closed')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Applications are closed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send application' })).toHaveCount(0);
});
