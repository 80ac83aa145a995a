import type { Page } from '@playwright/test';
import { changeStatus } from '@/features/application/status-changes';
import { sessionOf, signedContext } from '@/test-support/factories';
import { uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { e2eDb, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

const LONG_TITLE = 'Principal Distributed Systems Engineer, Data Platform and Developer Experience (Berlin or Remote)';

/** A posting of its own with a long title: two applications from a board of its own, one of them hired. */
async function seedPosting(email: string) {
  const tag = uniqueTag();
  const posting = { postingSlug: `dash-${tag}`, postingTitle: LONG_TITLE, source: `board-${tag}` };
  const hired = await seedApplication({ fullName: `Hired ${tag}`, ...posting });
  await seedApplication({ fullName: `Waiting ${tag}`, ...posting });
  const database = await e2eDb();
  const context = signedContext(database, await sessionOf({ database, email }));
  for (const to of ['reviewing', 'interview', 'hired'] as const) await changeStatus({ id: hired, to, context });
  return { tag, slug: posting.postingSlug, source: posting.source };
}

/** Text of every chart that runs past its SVG's box, described; empty when every label fits. */
const labelsOutside = (page: Page) =>
  page.locator('svg.chart').evaluateAll((charts) =>
    charts.flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].flatMap((text) => {
        const r = text.getBoundingClientRect();
        const inside =
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5;
        return inside
          ? []
          : [
              `${text.textContent} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`,
            ];
      });
    }),
  );

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test(`the dashboard at ${width} × ${height}: a posting's funnel, times and sources, every label inside its chart`, async ({
    page,
    admin,
  }) => {
    const { slug, source } = await seedPosting(admin.email);
    await page.setViewportSize({ width, height });
    await admin.signIn(page);
    await page.goto(`/admin/dashboard?posting=${slug}&days=90`);
    await expect(page.getByLabel('Posting', { exact: true })).toHaveValue(slug);
    await expect(page.getByLabel('Period', { exact: true })).toHaveValue('90');
    await expect(page.getByText(/^Applications received from .* for Principal Distributed/)).toBeVisible();

    expect(await labelsOutside(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

    // The long title is shortened in the chart, whole in its tooltip and in the table.
    const perPosting = page.getByRole('figure', { name: 'Applications per posting' });
    const label = perPosting.locator('svg text', { has: page.locator('title') });
    await expect(label).toHaveCount(1);
    expect(await label.evaluate((el) => el.querySelector('title')!.textContent)).toBe(LONG_TITLE);
    expect((await label.evaluate((el) => el.lastChild!.textContent))!.endsWith('…')).toBe(true);
    await perPosting.getByText('Show the numbers').click();
    await expect(perPosting.getByRole('row', { name: LONG_TITLE })).toContainText('2');

    const funnel = page.getByRole('figure', { name: 'How far applications got' });
    await funnel.getByText('Show the numbers').click();
    await expect(funnel.getByRole('row', { name: /^Interview/ }).getByRole('cell')).toHaveText(['1', '100 %', '50 %']);
    await expect(funnel.getByRole('row', { name: /^Hired/ }).getByRole('cell')).toHaveText(['1', '100 %', '50 %']);

    const sources = page.getByRole('figure', { name: 'Applications and hires per source' });
    await sources.getByText('Show the numbers').click();
    await expect(sources.getByRole('row', { name: source }).getByRole('cell')).toHaveText(['2', '1', '50 %']);

    const times = page.getByRole('figure', { name: 'Median time in each stage' });
    await times.getByText('Show the numbers').click();
    await expect(
      times
        .getByRole('row', { name: /^Received to hired/ })
        .getByRole('cell')
        .last(),
    ).toHaveText('1');

    // Every column of the period, one per day.
    await expect(page.getByRole('figure', { name: 'Applications per day (UTC)' }).locator('svg rect')).toHaveCount(90);
    await axeClean(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the posting and period are chosen with a plain form; a wrong value in the address is named', async ({
    page,
    admin,
  }) => {
    const { slug } = await seedPosting(admin.email);
    await admin.signIn(page);
    await page.goto('/admin/dashboard');
    await expect(page.getByLabel('Period', { exact: true })).toHaveValue('30');
    await page.getByLabel('Posting', { exact: true }).selectOption(slug);
    await page.getByLabel('Period', { exact: true }).selectOption('365');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`posting=${slug}&days=365`));
    await expect(page.getByRole('figure', { name: 'Applications per day (UTC)' }).locator('svg rect')).toHaveCount(365);

    const response = await page.goto('/admin/dashboard?days=7&posting=no-such-posting');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status')).toContainText('The posting in the address is not one there is.');
    await expect(page.getByRole('status')).toContainText('The period in the address is not one of those offered.');
    await expect(page.getByLabel('Period', { exact: true })).toHaveValue('30');
  });
});
