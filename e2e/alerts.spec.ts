import { sql } from 'drizzle-orm';
import { uniqueTag } from './fixtures/admin';
import { axeClean } from './fixtures/axe';
import { query } from './fixtures/db';
import { waitForMail } from './fixtures/mailbox';
import { expect, test } from './fixtures/test';

// Job alerts from the candidate's side, through the built site and its real SMTP server: signing up (without
// JavaScript), the confirmation that a mail scanner cannot give, changing, and RFC 8058's one-click unsubscribe.
// Announcing postings to the alerts is tested against real content and SMTP in features/alerts/.

/** The path of the alert's page that an email's link opens. */
function alertLink(text: string): string {
  const match = /https?:\/\/[^\s)]+(\/alerts\/manage\?token=[\w.-]+)/.exec(text);
  if (!match) throw new Error(`no alert link in:\n${text}`);
  return match[1]!;
}

const alertOf = async (email: string) =>
  query<{ confirmed_at: unknown; frequency: string; category: string | null }>(
    sql`SELECT confirmed_at, frequency, category FROM alert_subscriptions WHERE email = ${email}`,
  );

test('without JavaScript: sign up on the listing, confirm with the button the email’s link opens, change, unsubscribe in one click', async ({
  noJsPage: page,
  request,
}) => {
  const email = `alerts-${uniqueTag()}@example.com`;
  await page.goto('/careers');
  const form = page.getByRole('region', { name: 'Tell me about new jobs' });
  await form.getByLabel('Email for job alerts').fill(email);
  await form.getByLabel('Team').selectOption('Design');
  await form.getByLabel('Once a week').check();
  await form.getByRole('button', { name: 'Email me new jobs' }).click();
  await expect(page).toHaveURL(/\/alerts\?sent=1/);
  await expect(page.getByRole('status')).toContainText('we have sent it an email with a link to confirm');

  const confirmation = await waitForMail(email, 'Confirm your job alert');
  const link = alertLink(confirmation.text);
  // Opening the link (as a mail scanner does) confirms nothing: the page asks.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your job alert');
  expect((await alertOf(email))[0]!.confirmed_at).toBeNull();
  await expect(page.getByText('New Design jobs, once a week')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my job alert' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Your job alert is on. We will email you when a job that fits opens.',
  );
  expect((await alertOf(email))[0]!.confirmed_at).not.toBeNull();
  expect((await alertOf(email))[0]!.frequency).toBe('weekly');

  await page.getByLabel('As each job opens').check();
  await page.getByLabel('Team').selectOption('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Your changes are saved.');
  expect(await alertOf(email)).toMatchObject([{ frequency: 'instant', category: null }]);

  // A mail client's one-click unsubscribe: a POST with no Origin, no cookie, the RFC's one field.
  const token = new URL(link, 'http://x').searchParams.get('token')!;
  const oneClick = await request.post(`/alerts/unsubscribe?token=${encodeURIComponent(token)}`, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toContain('You are unsubscribed');
  expect(await alertOf(email)).toEqual([]);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not open an alert');
});

test('the same answer for a known and an unknown address; a bad one is named; too many are refused', async ({
  page,
}) => {
  const email = `again-${uniqueTag()}@example.com`;
  for (let i = 0; i < 2; i++) {
    await page.goto('/careers/product-designer-remote');
    const form = page.getByRole('region', { name: 'Tell me about new jobs' });
    // On a posting's page its team is chosen already.
    await expect(form.getByLabel('Team')).toHaveValue('Design');
    await form.getByLabel('Email for job alerts').fill(email);
    await form.getByRole('button', { name: 'Email me new jobs' }).click();
    await expect(page.getByRole('status')).toContainText('If that address can receive alerts');
  }
  expect(await alertOf(email)).toHaveLength(1);

  await page.goto('/alerts');
  await page.getByLabel('Email for job alerts').fill('not an address');
  await page.getByRole('button', { name: 'Email me new jobs' }).click();
  await expect(page.getByText('Enter an email address in the correct format')).toBeVisible();
  await expect(page.getByLabel('Email for job alerts')).toHaveAttribute('aria-invalid', 'true');

  // Five an hour for one address, whoever sends them: two above, four more.
  for (let i = 0; i < 4; i++) {
    await page.goto('/alerts');
    await page.getByLabel('Email for job alerts').fill(email);
    await page.getByRole('button', { name: 'Email me new jobs' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Too many job alert requests');
});

test('forms from elsewhere, malformed bodies and forged tokens change nothing and are never a 500', async ({
  request,
}) => {
  const email = `forged-${uniqueTag()}@example.com`;
  const crossSite = await request.post('/alerts/subscribe', {
    headers: { Origin: 'https://evil.example' },
    form: { email, frequency: 'instant' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(await alertOf(email)).toEqual([]);
  for (const body of [
    'email=a@b.co&email=c@d.co&frequency=instant',
    'frequency=hourly&email=x@example.com',
    '%%%',
    '',
  ]) {
    const response = await request.post('/alerts/subscribe', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: body,
      maxRedirects: 0,
    });
    expect(response.status(), body).toBe(303);
    expect(response.headers().location, body).toMatch(/^\/alerts\?error=(email|form)/);
  }
  for (const action of ['confirm', 'keep', 'save', 'leave', 'nonsense'])
    expect(
      (await request.post('/alerts/manage/update', { form: { token: '1.forged', action }, maxRedirects: 0 })).status(),
      action,
    ).toBeLessThan(500);
  const unsubscribe = await request.post('/alerts/unsubscribe?token=%ff%00', { data: 'List-Unsubscribe=One-Click' });
  expect(unsubscribe.status()).toBe(200);
  expect(await unsubscribe.text()).toContain('Nothing to unsubscribe');
  expect((await request.get('/alerts/manage?token=%ff')).status()).toBe(200);
});

test('axe finds nothing on the alert pages: the form with an error, waiting for confirmation, and confirmed', async ({
  page,
}) => {
  const email = `axe-alerts-${uniqueTag()}@example.com`;
  await page.goto('/alerts?error=email');
  await axeClean(page);
  await page.getByLabel('Email for job alerts').fill(email);
  await page.getByRole('button', { name: 'Email me new jobs' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await axeClean(page);
  await page.goto(alertLink((await waitForMail(email, 'Confirm your job alert')).text));
  await axeClean(page);
  await page.getByRole('button', { name: 'Confirm my job alert' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await axeClean(page);
});
