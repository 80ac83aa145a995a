import type { Page } from '@playwright/test';
import { PASSWORD, signInWithForm, teamMember, uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { waitForMail } from '../fixtures/mailbox';
import { expect, test } from '../fixtures/test';

const NEW_PASSWORD = 'a brand new sentence to remember';

/** The one-time link of the newest reset email to the address, as a path on the site. */
async function resetPath(address: string, match: RegExp = /Choose a new password/): Promise<string> {
  const mail = await waitForMail(address, match);
  const found = /https?:\/\/[^\s)]+(\/admin\/password-reset\/[A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!found) throw new Error(`no reset link in:\n${mail.text}`);
  return found[1]!;
}

const sessionRows = (page: Page) =>
  page
    .getByRole('region', { name: 'Where you are signed in' })
    .getByRole('row')
    .filter({ has: page.locator('td') });

test('a member sees where they are signed in, signs another browser out, and changes their password', async ({
  page,
  newPage,
}) => {
  test.setTimeout(60_000);
  const email = `member-${uniqueTag()}@example.com`;
  await teamMember({ email, role: 'reviewer' });
  const other = await newPage();
  await signInWithForm(page, email);
  await signInWithForm(other, email);

  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page).toHaveTitle(/^Your account/);
  await axeClean(page);
  await expect(sessionRows(page)).toHaveCount(2);
  await expect(sessionRows(page).filter({ hasText: '(this session)' })).toHaveCount(1);
  await expect(sessionRows(page).first()).toContainText('127.0.0.1');

  // The other browser, signed out from here.
  await page.getByRole('button', { name: /^Sign out .*last used/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'That session is signed out.' })).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(1);
  await other.goto('/admin');
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to the admin area' })).toBeVisible();

  // Signed in there again; a wrong current password changes nothing, the right one signs it out.
  await signInWithForm(other, email);
  await page.getByLabel('Your current password').fill('not the password at all');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('The same password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Your current password is not right' })).toBeVisible();
  await other.goto('/admin');
  await expect(other.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.getByLabel('Your current password').fill(PASSWORD);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('The same password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();
  await other.goto('/admin');
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to the admin area' })).toBeVisible();
  const told = await waitForMail(email, 'Your password was changed');
  expect(told.text).toContain('Every other session of the account has been signed out');
  await signInWithForm(other, email, NEW_PASSWORD);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member who forgot their password chooses a new one from an emailed link', async ({ page }) => {
    test.setTimeout(60_000);
    const email = `forgetful-${uniqueTag()}@example.com`;
    await teamMember({ email, role: 'recruiter' });
    await page.goto('/admin/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // An address with no account and one with an account get the same page, word for word.
    await page.getByLabel('Email address').fill(`nobody-${uniqueTag()}@example.com`);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'If that address has an account' })).toBeVisible();
    const unknown = await page.getByRole('main').innerText();
    // From the form again, so the page compared below is the answer to the second address.
    await page.goto('/admin/password-reset');
    await expect(page).not.toHaveURL(/sent=1/);
    await page.getByLabel('Email address').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page).toHaveURL(/\/admin\/password-reset\?sent=1$/);
    expect(await page.getByRole('main').innerText()).toBe(unknown);

    const link = await resetPath(email);
    await page.goto(link);
    await expect(page.getByText(`For ${email}.`)).toBeVisible();
    await page.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await page.getByLabel('The same password again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The two passwords differ' })).toBeVisible();
    await page.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await page.getByLabel('The same password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your new password is set' })).toBeVisible();
    await signInWithForm(page, email, NEW_PASSWORD);
    await waitForMail(email, 'Your password was reset');

    await page.goto(link);
    await expect(page.getByText('This link has been used already.')).toBeVisible();
  });
});

test('an owner sends a member a reset link from the team page', async ({ page, admin, newPage }) => {
  const email = `locked-out-${uniqueTag()}@example.com`;
  await teamMember({ email, role: 'reviewer' });
  await admin.signIn(page);
  await page.goto('/admin/team');
  await page.getByRole('button', { name: `Send a password reset to ${email}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'A link to choose a new password is on its way' }),
  ).toBeVisible();
  const link = await resetPath(email);
  expect((await waitForMail(email, /Choose a new password/)).text).toContain(`${admin.email} sent you a link`);

  const member = await newPage();
  await member.goto('/admin/password-reset');
  await axeClean(member);
  await member.goto(link);
  await expect(member.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await axeClean(member);
});
