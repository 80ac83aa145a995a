import type { CDPSession, Page } from '@playwright/test';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { hashedOnce, PASSWORD } from '@/test-support/factories';
import { uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { E2E_PORT } from '../fixtures/env';
import { startExtraServer, type ExtraServer } from '../fixtures/servers';
import { expect, test } from '../fixtures/test';

// Passkeys through Chromium's own WebAuthn code, with a virtual authenticator (the DevTools protocol's) in place
// of a phone or a security key. Browsers refuse an IP address as the site a passkey is for, and the suite's
// sites are on 127.0.0.1: this spec runs a site of its own whose SITE_URL is on `localhost`.

const OFFSET = 55;
const site = `http://localhost:${E2E_PORT + OFFSET}`;

test.describe.configure({ mode: 'serial' });
let server: ExtraServer;
test.beforeAll(async () => {
  server = await startExtraServer('passkeys', OFFSET, { SITE_URL: site });
});
test.afterAll(async () => server?.stop());

/** A platform authenticator (fingerprint or PIN) in the browser: it answers at once, as if touched. */
async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${site}/admin/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function addPasskey(page: Page, name: string) {
  const form = page.getByRole('form', { name: 'Add a passkey' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Your password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Add a passkey' }).click();
}

const signOut = (page: Page) => page.getByRole('button', { name: 'Sign out' }).first().click();

test('a member adds passkeys, names and removes them, and signs in with one instead of the password or after it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = `passkeys-${uniqueTag()}@example.com`;
  await createAdminUser({ database: server.database, email, password: PASSWORD, role: 'reviewer', hash: hashedOnce });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const laptop = await addAuthenticator(cdp);

  await signInWithPassword(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.goto(`${site}/admin/two-factor`);
  await expect(page.getByText('You have no passkeys yet.')).toBeVisible();
  await axeClean(page);

  // The first passkey: the account's recovery codes come with it, shown once and read out (focus on them).
  await addPasskey(page, 'Work laptop');
  const codes = page.getByRole('region', { name: 'Your recovery codes' });
  await expect(codes.getByRole('listitem')).toHaveCount(10);
  await expect(codes.getByRole('heading', { name: 'Your recovery codes' })).toBeFocused();
  await page.reload();
  await expect(page.getByText(/Work laptop: added .*, not used yet/)).toBeVisible();

  // The same device twice would be one key under two names: the browser refuses, the page says why.
  await addPasskey(page, 'Again');
  await expect(page.getByRole('alert').filter({ hasText: 'already holds a passkey for you' })).toBeVisible();

  // Another device (the laptop's authenticator is out of reach now).
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: laptop });
  await addAuthenticator(cdp);
  await addPasskey(page, 'Phone');
  await expect(page.getByRole('status').filter({ hasText: 'Passkey “Phone” added.' })).toBeVisible();
  await expect(page.getByText(/Phone: added/)).toBeVisible();

  await page.getByLabel('Name of “Phone”').fill('My phone');
  await page.getByRole('button', { name: 'Rename' }).nth(1).click();
  await expect(page.getByText(/My phone: added/)).toBeVisible();

  await page.getByText('Remove “Work laptop”…').click();
  await page.getByLabel('Your password, to remove it').first().fill(PASSWORD);
  await page.getByRole('button', { name: 'Remove the passkey' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'The passkey is removed' })).toBeVisible();
  await expect(page.getByText(/Work laptop: added/)).toHaveCount(0);
  await axeClean(page);

  // Instead of the password, by keyboard.
  await page.goto(`${site}/admin`);
  await signOut(page);
  await page.goto(`${site}/admin/sign-in`);
  const passkeyButton = page.getByRole('button', { name: 'Sign in with a passkey' });
  await passkeyButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();

  // After the password, as its second factor.
  await signOut(page);
  await signInWithPassword(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeVisible();
  await axeClean(page);
  await page.getByRole('button', { name: 'Use your passkey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.goto(`${site}/admin/account`);
  await expect(page.getByText('On, with 1 passkey')).toBeVisible();
});

test('a passkey the site does not know signs nobody in, and the page says so', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const authenticatorId = await addAuthenticator(cdp);
  // A passkey for this site's name, made elsewhere (another installation on the same host name, since reset).
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: Buffer.from(`unknown-${uniqueTag()}`).toString('base64'),
      isResidentCredential: true,
      rpId: 'localhost',
      privateKey: (await import('node:crypto'))
        .generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ format: 'der', type: 'pkcs8' })
        .toString('base64'),
      userHandle: Buffer.from('someone').toString('base64'),
      signCount: 0,
    },
  });
  await page.goto(`${site}/admin/sign-in`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That passkey did not sign you in' })).toBeVisible();
  // No session was made: the admin still asks to sign in.
  await page.goto(`${site}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the admin area' })).toBeVisible();
});

// Last in this file: the requirement is site-wide, and this site is the spec's own.
test('when an owner requires a second factor, members without one add a passkey before anything else', async ({
  page,
  newPage,
}) => {
  test.setTimeout(90_000);
  const tag = uniqueTag();
  const owner = `owner-${tag}@example.com`;
  const member = `member-${tag}@example.com`;
  for (const [email, role] of [
    [owner, 'owner'],
    [member, 'reviewer'],
  ] as const)
    await createAdminUser({ database: server.database, email, password: PASSWORD, role, hash: hashedOnce });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await addAuthenticator(cdp);

  await signInWithPassword(page, owner);
  await page.goto(`${site}/admin/team`);
  // The owner has none yet: told so before the switch, and sent to set one up after it.
  await expect(page.getByText('You have none yet')).toBeVisible();
  await page.getByRole('button', { name: 'Require a second factor of everyone' }).click();
  await expect(page).toHaveURL(/\/admin\/two-factor$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your team requires a second factor' })).toBeVisible();
  await addPasskey(page, 'Owner laptop');
  await page.getByRole('link', { name: 'I have saved them: go to the admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();

  // A member without one: every admin page leads to the two-factor page, which offers only that and signing out.
  const other = await newPage();
  await signInWithPassword(other, member);
  await expect(other).toHaveURL(/\/admin\/two-factor$/);
  await other.goto(`${site}/admin/account`);
  await expect(other).toHaveURL(/\/admin\/two-factor$/);
  await expect(other.getByRole('status').filter({ hasText: 'Your team requires a second factor' })).toBeVisible();
  await axeClean(other);
  // Only that page: no menu to the rest of the admin, and signing out.
  await expect(other.getByRole('link', { name: 'Your account' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Their own passkey (their own device), and the admin opens.
  const theirs = await other.context().newCDPSession(other);
  await theirs.send('WebAuthn.enable');
  await addAuthenticator(theirs);
  await addPasskey(other, 'Member phone');
  await other.getByRole('link', { name: 'I have saved them: go to the admin' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
});
