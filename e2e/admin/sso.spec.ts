import type { Page } from '@playwright/test';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { hashedOnce, PASSWORD } from '@/test-support/factories';
import { startOidcProvider, TEST_OIDC_CLIENT, type TestProvider } from '@/test-support/oidc-provider';
import { axeClean } from '../fixtures/axe';
import { E2E_PORT } from '../fixtures/env';
import { startExtraServer, type ExtraServer } from '../fixtures/servers';
import { expect, test } from '../fixtures/test';

// Single sign-on in a browser, against a real OpenID provider (oidc-provider) on loopback: a site of its own
// with OIDC_* set (the suite's shared site has none, so its sign-in page is as the other specs expect), its
// "Sign in with …" reached by keyboard, the provider's login, and back signed in; a colleague of another
// domain turned away with a message; axe on the page; and whatever reaches the two routes answered without a 500.
// "Single sign-on only" is switched on this site alone: on the shared one it would change how every spec signs in.

const PROVIDER_PORT = E2E_PORT + 70;
const SITE_OFFSET = 71;
const NAME = 'Test ID';

test.describe.configure({ mode: 'serial' });
let provider: TestProvider;
let server: ExtraServer;

test.beforeAll(async () => {
  const origin = `http://127.0.0.1:${E2E_PORT + SITE_OFFSET}`;
  provider = await startOidcProvider({ port: PROVIDER_PORT, redirectUris: [`${origin}/admin/sso/callback`] });
  server = await startExtraServer('sso', SITE_OFFSET, {
    SITE_URL: origin,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.secret,
    OIDC_ALLOWED_DOMAINS: 'allowed.example',
    OIDC_NAME: NAME,
  });
  // The team's first account, made as the command line makes it, and a member who signs in with single sign-on.
  for (const email of ['first-owner@example.com', 'sso-member@example.com'])
    await createAdminUser({ database: server.database, email, password: PASSWORD, role: 'owner', hash: hashedOnce });
});
test.afterAll(async () => {
  await server?.stop();
  await provider?.close();
});

/** The provider's own login form (oidc-provider's development page): the login name is the email. */
async function loginAtProvider(page: Page, email: string) {
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('anything');
  await page.keyboard.press('Enter');
}

test('“Sign in with …” by keyboard, the provider’s login, and back in the admin', async ({ page }) => {
  await page.goto(`${server.origin}/admin/sign-in`);
  const button = page.getByRole('button', { name: `Sign in with ${NAME}` });
  for (let i = 0; i < 20 && !(await button.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await loginAtProvider(page, 'sso-member@example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin');
  // The flow's cookie is gone with the sign-in; the session's is the site's usual one.
  const cookies = await page.context().cookies(server.origin);
  expect(cookies.map((c) => c.name)).toContain('admin_session');
  expect(cookies.map((c) => c.name)).not.toContain('admin_sso');
});

test('a colleague of another domain is turned away with a clear message, the whole way without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/admin/sign-in`);
  await page.getByRole('button', { name: `Sign in with ${NAME}` }).click();
  await loginAtProvider(page, 'stranger@elsewhere.example');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText(
    'Your company account (stranger@elsewhere.example) is not on this team. Ask an owner for an invitation.',
  );
  expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
  await context.close();
});

test('the sign-in page with its single sign-on button, and with a refusal, passes axe', async ({ page }) => {
  await page.goto(`${server.origin}/admin/sign-in`);
  await expect(page.getByRole('button', { name: `Sign in with ${NAME}` })).toBeVisible();
  await axeClean(page);
  await page.goto(`${server.origin}/admin/sign-in?error=sso-unverified`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not sign you in' });
  await expect(alert).toContainText(`${NAME} did not confirm an email address`);
  await axeClean(page);
});

test('an owner makes single sign-on the only way in on this site: passwords refused but the first owner’s', async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await page.goto(`${server.origin}/admin/sign-in`);
  await page.getByRole('button', { name: `Sign in with ${NAME}` }).click();
  await loginAtProvider(page, 'sso-member@example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.goto(`${server.origin}/admin/team`);
  const section = page.getByRole('region', { name: 'Single sign-on' });
  await expect(section).toContainText('first-owner@example.com (the team’s first account) keeps its password');
  await axeClean(page);
  await section.getByRole('button', { name: 'Only single sign-on' }).click();
  await expect(page.getByText('Single sign-on is now the only way in')).toBeVisible();
  try {
    const passwordOf = async (email: string) => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto(`${server.origin}/admin/sign-in`);
      await other.getByLabel('Email address').fill(email);
      await other.getByLabel('Password').fill(PASSWORD);
      await other.getByRole('button', { name: 'Sign in', exact: true }).click();
      return { other, context };
    };
    const refused = await passwordOf('sso-member@example.com');
    await expect(refused.other.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText(
      `This team signs in with ${NAME} only.`,
    );
    await refused.context.close();
    const breakGlass = await passwordOf('first-owner@example.com');
    await expect(breakGlass.other.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
    await breakGlass.context.close();
  } finally {
    await page.goto(`${server.origin}/admin/team`);
    await page.getByRole('button', { name: 'Let members use passwords again' }).click();
    await expect(page.getByText('Members can sign in with their password again')).toBeVisible();
    await owner.close();
  }
});

test('whatever reaches the start and the callback gets a redirect or a 4xx, never a 500', async ({ baseURL }) => {
  const send = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
  const callbacks = [
    '',
    '?code=x&state=y',
    '?error=access_denied&error_description=%3Cscript%3E',
    `?code=${'x'.repeat(10_000)}`,
    '?state=%ZZ&state=%00&iss=javascript:alert(1)',
    '?code[]=1&code[x]=2',
  ];
  for (const query of callbacks) {
    const answer = await send(`${server.origin}/admin/sso/callback${query}`, {
      headers: { Cookie: 'admin_sso=garbage' },
    });
    // No sign-in under way behind the cookie: refused, and not counted (any page could send a browser here
    // over and over and lock out everyone behind its address), so never a pause either.
    expect(answer.status, query).toBe(303);
    expect(answer.headers.get('location'), query).toBe('/admin/sign-in?error=sso-expired');
  }
  for (let i = 0; i < 25; i++) expect((await send(`${server.origin}/admin/sso/callback?code=x`)).status).toBe(303);
  const origin = { Origin: server.origin };
  const bodies: RequestInit[] = [
    { headers: { ...origin, 'Content-Type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' },
    { headers: { ...origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '%%%&=&' },
    { headers: origin, body: 'x'.repeat(100) },
  ];
  for (const init of bodies) {
    const answer = await send(`${server.origin}/admin/sso/start`, { method: 'POST', ...init });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`Continue to ${NAME}`);
  }
  const foreign = await send(`${server.origin}/admin/sso/start`, {
    method: 'POST',
    headers: { Origin: 'https://evil.example' },
  });
  expect(foreign.status).toBe(403);
  // The suite's own site has no single sign-on: both routes say so on the sign-in page.
  const off = await send(`${baseURL}/admin/sso/start`, { method: 'POST', headers: { Origin: baseURL! } });
  expect([off.status, off.headers.get('location')]).toEqual([303, '/admin/sign-in?error=sso-off']);
  const offCallback = await send(`${baseURL}/admin/sso/callback?code=x`);
  expect([offCallback.status, offCallback.headers.get('location')]).toEqual([303, '/admin/sign-in?error=sso-off']);
});
