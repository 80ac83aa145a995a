import crypto from 'node:crypto';
import { enhanceForm, SEED, sendButton } from './fixtures/apply';
import { axeClean, axeViolations } from './fixtures/axe';
import { seedApplication } from './fixtures/db';
import { linkIn, waitForMail } from './fixtures/mailbox';
import { expect, test } from './fixtures/test';

test.describe.configure({ timeout: 60_000 });

for (const path of [
  '/careers',
  '/careers?q=nothing-matches-this',
  SEED,
  '/careers/solutions-engineer-new-york',
  '/privacy',
  '/careers/missing',
  `${SEED}/applied`,
  '/applications',
  '/applications/access',
  '/applications/access?sent=1',
  '/applications/access?error=email',
  `/applications/open?token=${'A'.repeat(43)}`,
]) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
}

test('axe finds no violations on the candidate’s own page, its withdrawal form open, and the erase step', async ({
  page,
}) => {
  const email = `axe-${crypto.randomUUID()}@example.com`;
  await seedApplication({ fullName: 'Axe Candidate', email });
  await page.goto(linkIn(await waitForMail(email, /^Your application for/)));
  await page.getByRole('button', { name: 'Open my applications' }).click();
  await page.getByText('Withdraw this application').click();
  await axeClean(page);
  await page.getByRole('link', { name: 'Erase this application' }).click();
  await expect(page.getByRole('button', { name: 'Erase my application now' })).toBeVisible();
  await axeClean(page);
});

test('axe finds no violations on the form in its error state, JavaScript on', async ({ page }) => {
  await page.goto(SEED);
  await enhanceForm(page);
  await sendButton(page).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
});

test('axe finds no violations on the form in its error state, JavaScript off', async ({ page, noJsPage }) => {
  await noJsPage.goto(SEED);
  await sendButton(noJsPage).click();
  await expect(noJsPage.locator('.error-summary')).toBeFocused();
  // axe needs JavaScript to run: audit the server's no-JavaScript page, scripts removed, in a normal tab.
  const html = (await noJsPage.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
  await page.route(`**${SEED}`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto(SEED);
  await expect(page.locator('.error-summary')).toBeVisible();
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
});

test('the whole apply flow works by keyboard', async ({ page }) => {
  await page.goto(SEED);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByRole('link', { name: 'Apply now' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#apply$/);
  await enhanceForm(page);
  await page.keyboard.type('Keyboard User');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  // Tab through to the submit button and press it: the summary takes focus.
  for (let i = 0; i < 12 && !(await sendButton(page).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(sendButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
});
