import { uniqueTag } from '../fixtures/admin';
import { loopback, send } from '../fixtures/http';
import { expect, test } from '../fixtures/test';

test('a hiring manager signs in and out', async ({ page, admin, context }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await admin.signInWithForm(page);
  const cookie = (await context.cookies()).find((c) => c.name === 'admin_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(cookie!.value).toMatch(/^[\w-]{43}$/);
  await expect(page.getByText(`Signed in as ${admin.email}`)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  // The old token no longer works even if someone kept a copy of it.
  await context.addCookies([{ ...cookie!, expires: -1 }]);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test('a wrong password and an unknown email get the same message', async ({ page, admin }) => {
  for (const email of [admin.email, `nobody-${uniqueTag()}@example.com`]) {
    await page.goto('/admin/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText(
      'email address or password is not right',
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toHaveCount(0);
  }
});

test('a stranger’s wrong passwords slow the stranger, not the admin, who is told about them', async ({
  baseURL,
  page,
  admin,
}) => {
  // The stranger, from an address of its own.
  const stranger = loopback();
  const attempt = (password: string) =>
    send(`${baseURL}/admin/session`, {
      from: stranger,
      body: new URLSearchParams({ email: admin.email, password }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  for (let i = 0; i < 5; i++) expect((await attempt('wrong')).status).toBe(303);
  // Even the right password waits now, from there.
  const locked = await attempt(admin.password);
  expect(locked.status).toBe(429);
  expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  expect(locked.text).toContain('Too many sign-in attempts');
  expect(locked.headers['set-cookie']).toBeUndefined();

  // The admin, from their own browser, signs in and learns of the five attempts.
  await admin.signInWithForm(page);
  await expect(page.getByRole('status').filter({ hasText: 'failed sign-in attempts' })).toContainText(
    '5 failed sign-in attempts on your account',
  );
  await page.goto('/admin/audit');
  await expect(
    page.getByRole('row').filter({ hasText: 'Failed sign-in' }).filter({ hasText: admin.email }),
  ).toHaveCount(5);
});
