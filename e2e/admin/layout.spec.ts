import type { Locator, Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { uniqueTag } from '../fixtures/admin';
import { SEED } from '../fixtures/apply';
import { axeViolations } from '../fixtures/axe';
import { query, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

// Geometry, not pixels: at a laptop's 1280 × 900 and a phone's 390 × 844 no page scrolls sideways, every table
// header cell lies inside its table's box, the resume sits beside the scorecard from 1200 pixels on (stacked on a
// phone), and the apply form's text fields share one width.

const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
const LONG_TITLE =
  'Principal Staff Software Engineer, Distributed Storage and Streaming Infrastructure for Regulated Data (Remote, Europe)';

/** What overflows: the page sideways, or a header cell out of its table's container. */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const problems: string[] = [];
    if (root.scrollWidth > root.clientWidth) {
      // Name the innermost elements that reach past the edge, so a failure says where to look.
      const wide = [...document.body.querySelectorAll('*')].filter(
        (e) =>
          e.getBoundingClientRect().right > root.clientWidth + 1 &&
          ![...e.children].some((c) => c.getBoundingClientRect().right > root.clientWidth + 1),
      );
      const names = wide.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      problems.push(`page ${root.scrollWidth} > ${root.clientWidth}: ${names.join(', ')}`);
    }
    for (const th of document.querySelectorAll('table th')) {
      const box = th.getBoundingClientRect();
      const outer = th.closest('table')!.parentElement!.getBoundingClientRect();
      const inside =
        box.left >= outer.left - 1 &&
        box.right <= outer.right + 1 &&
        box.top >= outer.top - 1 &&
        box.bottom <= outer.bottom + 1;
      if (!inside)
        problems.push(`th "${th.textContent?.trim()}" at ${box.left}–${box.right} in ${outer.left}–${outer.right}`);
    }
    return problems;
  });
}

async function fitsAndAxeClean(page: Page, label: string) {
  expect(await overflows(page), `${label} at ${page.viewportSize()?.width}`).toEqual([]);
  const violations = await axeViolations(page);
  expect(violations, `${label} at ${page.viewportSize()?.width}`).toEqual([]);
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

for (const size of SIZES) {
  test(`at ${size.width} × ${size.height}: the inbox and the application fit, the resume beside or above the scorecard`, async ({
    page,
    admin,
  }) => {
    test.setTimeout(90_000);
    const tag = uniqueTag();
    await seedApplication({ fullName: `Short ${tag}` });
    const id = await seedApplication({
      fullName: `Wilhelmina Long-Surname-Kowalczyk ${tag}`,
      postingTitle: LONG_TITLE,
      email: `a-rather-long-address-for-the-inbox-${tag}@subdomain.example.com`,
    });
    await page.setViewportSize(size);
    await admin.signIn(page);
    await page.goto(`/admin?q=${tag}`);
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
    await fitsAndAxeClean(page, 'inbox');
    // The long title takes one line, shortened, with its whole text kept.
    const title = page.getByRole('row', { name: /Wilhelmina/ }).getByText(LONG_TITLE);
    await expect(title).toHaveAttribute('title', LONG_TITLE);
    expect(await title.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    if (size.width >= 1280) {
      // Every column a triage needs, each header on the screen.
      for (const name of ['Name', 'Posting', 'Received', 'Status', 'Assigned to', 'Scorecards', 'Mean overall']) {
        await expect(page.getByRole('columnheader', { name })).toBeInViewport();
      }
    }

    await page.goto(`/admin/applications/${id}?q=${tag}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Wilhelmina');
    const resume = page.locator('.resume-preview');
    const scorecard = page.locator('#scorecard');
    if (size.width >= 1200) {
      const [r, s] = [await box(resume), await box(scorecard)];
      expect(r.x + r.width).toBeLessThanOrEqual(s.x);
      // Rating while reading: with the scorecard in view, so is the resume.
      for (const control of [
        scorecard.getByRole('group').first(),
        page.getByRole('button', { name: 'Submit my scorecard' }),
      ]) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport();
        await expect(resume).toBeInViewport({ ratio: 0.75 });
        await expect(page.getByRole('link', { name: /^Download/ })).toBeInViewport();
      }
    } else {
      const [f, r, s] = [await box(page.locator('.admin-fields')), await box(resume), await box(scorecard)];
      expect(f.y + f.height).toBeLessThanOrEqual(r.y);
      expect(r.y + r.height).toBeLessThanOrEqual(s.y);
    }
    await fitsAndAxeClean(page, 'application');
  });

  test(`at ${size.width} × ${size.height}: every other admin page fits and axe finds nothing`, async ({
    page,
    admin,
  }) => {
    test.setTimeout(120_000);
    const tag = uniqueTag();
    for (let i = 0; i < 2; i++) await seedApplication({ fullName: `Page ${i} ${tag}` });
    await page.setViewportSize(size);
    await admin.signIn(page);
    for (const path of ['/admin/team', '/admin/audit', '/admin/webhooks', '/admin/api-tokens']) {
      await page.goto(path);
      await fitsAndAxeClean(page, path);
    }

    // An endpoint's own page, with a URL nothing answers on (removed again below).
    const url = `http://127.0.0.1:9/layout-${tag}`;
    await page.goto('/admin/webhooks');
    await page.getByLabel('URL', { exact: true }).fill(url);
    await page.getByLabel(/application\.status_changed/).check();
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    await expect(page.getByText('Endpoint added')).toBeVisible();
    await page.goto('/admin/webhooks');
    await page.getByRole('link', { name: url }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks\/\d+/);
    try {
      await fitsAndAxeClean(page, 'webhook endpoint');
    } finally {
      await query(sql`DELETE FROM webhook_endpoints WHERE url = ${url} RETURNING id`);
    }

    // The bulk email page, by the bar: two chosen, moved with an email.
    await page.goto(`/admin?q=${tag}`);
    for (let i = 0; i < 2; i++) await page.getByLabel(`Choose Page ${i} ${tag}`).check();
    await page.getByLabel('and email the candidates').check();
    await page.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Move 2 applications');
    await fitsAndAxeClean(page, 'bulk email');
  });
}

test('the apply form: every text field one width, on a laptop and a phone', async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(SEED);
    const labels = ['Full name', 'Email address', 'Phone number', 'Where you are based', 'LinkedIn profile'];
    const widths = await Promise.all(labels.map(async (label) => (await box(page.getByLabel(label))).width));
    for (const width of widths) expect(width).toBeCloseTo(widths[0]!, 0);
    // A field, not a small box: the form's full width.
    const form = await box(page.locator('form').filter({ has: page.getByLabel('Full name') }));
    expect(widths[0]).toBeGreaterThan(form.width * 0.9);
    expect(await overflows(page)).toEqual([]);
  }
});

test('the resume goes beside the scorecard at 1200 pixels exactly, and above it one pixel narrower', async ({
  page,
  admin,
}) => {
  const id = await seedApplication({ fullName: `Boundary ${uniqueTag()}` });
  await admin.signIn(page);
  for (const width of [1200, 1199]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/admin/applications/${id}`);
    const [r, s] = [await box(page.locator('.resume-preview')), await box(page.locator('#scorecard'))];
    if (width >= 1200) expect(r.x + r.width, 'beside').toBeLessThanOrEqual(s.x);
    else expect(r.y + r.height, 'above').toBeLessThanOrEqual(s.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
  }
});
