import { uniqueTag } from '../fixtures/admin';
import { expect, test } from '../fixtures/test';

test('a hiring manager signs in and out', async ({ page, admin, context }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await admin.signIn(page);
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
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText(
      'email address or password is not right',
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toHaveCount(0);
  }
});

test('repeated failures are throttled with 429 and Retry-After', async ({ request, admin }) => {
  // A documentation address of its own, so the per-address counter does not slow other tests.
  const headers = { 'x-forwarded-for': `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  for (let i = 0; i < 5; i++) {
    const response = await request.post('/admin/session', {
      form: { email: admin.email, password: 'wrong' },
      headers,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
  }
  // Even the right password waits now.
  const locked = await request.post('/admin/session', {
    form: { email: admin.email, password: admin.password },
    headers,
    maxRedirects: 0,
  });
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await locked.text()).toContain('Too many sign-in attempts');
  expect(locked.headers()['set-cookie']).toBeUndefined();
});
