import type { Page } from '@playwright/test';
import { totpCode } from '@/features/two-factor/totp';
import { PASSWORD, signInWithForm, teamMember, uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { expect, test } from '../fixtures/test';

/** The password step of the sign-in form; the code page follows. */
async function passwordStep(page: Page, email: string) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' })).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const signOut = (page: Page) => page.getByRole('button', { name: 'Sign out' }).first().click();

/** Sets up the app from the two-factor page, as a phone would: the key read off the page. Its recovery codes. */
async function setUpApp(page: Page): Promise<{ secret: string; codes: string[] }> {
  const begin = page.locator('form').filter({ has: page.getByRole('button', { name: 'Set up an authenticator app' }) });
  await begin.getByLabel('Your password').fill(PASSWORD);
  await begin.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: /QR code for the hiring team account/ })).toBeVisible();
  const secret = (await page.locator('.setup-key').innerText()).replaceAll(' ', '');
  const right = totpCode({ secret, at: Date.now() });
  await page.getByLabel('The six-digit code the app shows').fill(right === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible();
  await page.getByLabel('The six-digit code the app shows').fill(totpCode({ secret, at: Date.now() }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const list = page.getByRole('region', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(list).toHaveCount(10);
  return { secret, codes: await list.allInnerTexts() };
}

test('a member turns on an authenticator app, then signs in with a recovery code and with a code', async ({
  page,
  admin,
  newPage,
}) => {
  test.setTimeout(60_000);
  const email = `two-factor-${uniqueTag()}@example.com`;
  await teamMember({ email, role: 'reviewer' });
  await signInWithForm(page, email);
  await page.getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  await axeClean(page);
  const { secret, codes } = await setUpApp(page);
  await axeClean(page);
  await page.getByRole('link', { name: 'I have saved them: go to the admin' }).click();
  await signOut(page);

  await passwordStep(page, email);
  await axeClean(page);
  await codeStep(page, '123');
  await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible();
  await codeStep(page, codes[0]!);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await signOut(page);

  // The code that turned the app on was taken: the app's next one (accepted a step early) signs in.
  await passwordStep(page, email);
  await codeStep(page, totpCode({ secret, at: Date.now() + 30_000 }));
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.goto('/admin/account');
  await expect(page.getByText('Recovery codes left: 9.')).toBeVisible();

  // The team page shows who has what; the owner takes the app away (a lost phone).
  const owner = await newPage();
  await admin.signIn(owner);
  await owner.goto('/admin/team');
  const row = owner.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Authenticator app');
  // A disclosure first, then the button: no second factor goes by a slip of the mouse.
  await row.getByText('Remove…').click();
  await owner.getByRole('button', { name: `Remove the second factor of ${email}` }).click();
  await expect(owner.getByRole('row').filter({ hasText: email })).toContainText('None');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the admin area' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member sets up an app and signs in with its code', async ({ page }) => {
    test.setTimeout(60_000);
    const email = `no-script-${uniqueTag()}@example.com`;
    await teamMember({ email, role: 'recruiter' });
    await signInWithForm(page, email);
    await page.goto('/admin/two-factor');
    const { secret } = await setUpApp(page);
    await page.getByRole('link', { name: 'I have saved them: go to the admin' }).click();
    await signOut(page);
    await passwordStep(page, email);
    await codeStep(page, totpCode({ secret, at: Date.now() + 30_000 }));
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  });
});
