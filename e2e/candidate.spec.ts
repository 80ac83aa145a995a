import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { uniqueTag } from './fixtures/admin';
import { fillApplication, pdf, SEED, sendButton, uniqueEmail } from './fixtures/apply';
import { applicationsOf, query } from './fixtures/db';
import { E2E_HIRING_TEAM } from './fixtures/env';
import { linkIn, mailTo, waitForMail } from './fixtures/mailbox';
import { expect, test } from './fixtures/test';

// After the form: the candidate's email, their own page from its private link, a withdrawal the hiring team
// sees, and the hiring team's own email. With JavaScript and without: every step is a link or a form.

const TITLE = 'Senior Backend Engineer (Remote)';

async function apply(page: Page, fullName: string, email: string) {
  await page.goto(SEED);
  await fillApplication(page, { fullName, email, resume: pdf(), consent: true });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
}

/** Opens the emailed link and confirms with its button, as the candidate does. */
async function openOwnPage(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole('button', { name: 'Open my applications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
}

for (const javaScript of [true, false]) {
  test(`${javaScript ? 'with' : 'without'} JavaScript: apply, the email brings the link, the candidate sees and withdraws, the team sees it`, async ({
    page: jsPage,
    noJsPage,
    newPage,
    admin,
  }) => {
    const page = javaScript ? jsPage : noJsPage;
    const email = uniqueEmail(javaScript ? 'own-js' : 'own-nojs');
    const fullName = `Katherine Johnson ${uniqueTag()}`;
    await apply(page, fullName, email);

    const confirmation = await waitForMail(email, `Your application for ${TITLE}`);
    expect(confirmation.text).toContain(`Dear ${fullName}`);
    const reference = /Your reference is ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(confirmation.text)![1]!;
    expect(confirmation.html).toContain('See your application');

    // The hiring team hears of it: the name, the posting and the admin link, nothing else of the candidate's.
    const [{ id }] = (await applicationsOf(email)) as [{ id: number }];
    const team = await waitForMail(E2E_HIRING_TEAM, `New application for ${TITLE}: ${fullName}`);
    expect(team.text).toContain(`/admin/applications/${id}`);
    expect(team.text).not.toContain(email);
    expect(team.html).not.toContain(email);

    await openOwnPage(page, linkIn(confirmation));
    const own = page.getByRole('listitem').filter({ hasText: reference });
    await expect(own.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(own).toContainText('Received');

    await own.getByText('Withdraw this application').click();
    await own.getByLabel('Why you are withdrawing').fill('I accepted another offer.');
    await own.getByRole('button', { name: `Withdraw my application for ${TITLE}` }).click();
    await expect(page.getByRole('status')).toHaveText(/Your application is withdrawn/);
    await expect(page.getByRole('listitem').filter({ hasText: reference })).toContainText('Withdrawn');
    const withdrawn = await waitForMail(email, `Withdrawn: your application for ${TITLE}`);
    expect(withdrawn.text).toContain(reference);

    const manager = await newPage();
    await admin.signIn(manager);
    await manager.goto(`/admin/applications/${id}`);
    await expect(manager.locator('.pipeline__step--current')).toHaveText('Withdrawn');
    await expect(manager.locator('.admin-history')).toContainText('New → Withdrawn by the candidate');
    await expect(manager.locator('.admin-history')).toContainText('I accepted another offer.');
    const emails = manager.getByRole('region', { name: 'Emails' }).getByRole('row');
    await expect(emails.filter({ hasText: 'Confirmation of the application' })).toContainText('Sent');
    await expect(emails.filter({ hasText: 'Confirmation of the withdrawal' })).toContainText('Sent');
    await expect(emails.filter({ hasText: 'New application, to the hiring team' })).toContainText(E2E_HIRING_TEAM);
  });
}

test('the link opened by a mail scanner (a GET) signs nobody in; only the button does', async ({ page, request }) => {
  const email = uniqueEmail('scanner');
  await apply(page, 'Scanned Candidate', email);
  const link = linkIn(await waitForMail(email, `Your application for ${TITLE}`));
  const scanned = await request.get(link);
  expect(scanned.status()).toBe(200);
  expect(scanned.headers()['set-cookie']).toBeUndefined();
  expect(await scanned.text()).toContain('Open my applications');
  // The link still works for the candidate afterwards.
  await openOwnPage(page, link);
  await expect(page.getByRole('listitem').filter({ hasText: TITLE })).toBeVisible();
});

test('a link that is unknown, cut short or forged leads to asking for a new one', async ({ noJsPage: page }) => {
  await page.goto(`/applications/open?token=${'A'.repeat(43)}`);
  await page.getByRole('button', { name: 'Open my applications' }).click();
  await expect(page).toHaveURL(/\/applications\/access\?link=expired/);
  await expect(page.getByRole('status')).toContainText('That link has expired or is not valid any more');
  await page.goto('/applications/open');
  await expect(page.getByRole('heading', { name: 'This link is not complete' })).toBeVisible();
  // And without a session, the candidate's page explains how to get in, without any data.
  await page.goto('/applications');
  await expect(page.getByRole('link', { name: 'Email me a link' })).toBeVisible();
});

test('asking for a link: the same answer for an address that applied and one that did not; only the first gets mail', async ({
  page,
  noJsPage,
}) => {
  const known = uniqueEmail('known');
  const unknown = uniqueEmail('unknown');
  await apply(page, 'Known Candidate', known);
  await waitForMail(known, `Your application for ${TITLE}`);

  const answers: string[] = [];
  for (const address of [known, unknown]) {
    await noJsPage.goto('/applications/access');
    await noJsPage.getByLabel('Email address').fill(address);
    await noJsPage.getByRole('button', { name: 'Email me a link' }).click();
    answers.push(`${noJsPage.url()}\n${await noJsPage.locator('main').innerText()}`);
  }
  expect(answers[0]).toBe(answers[1]);
  expect(answers[0]).toContain('If we have applications from that address, we have sent it a link');

  const link = linkIn(await waitForMail(known, 'Your link to your applications'));
  await openOwnPage(noJsPage, link);
  await expect(noJsPage.getByRole('listitem').filter({ hasText: TITLE })).toBeVisible();
  // Time enough for a wrongly queued email to go out: none does.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await mailTo(unknown)).toEqual([]);
  expect(
    await query(sql`SELECT 1 FROM outbox WHERE lower(to_address) = ${unknown}`),
    'nothing is even queued for an address that never applied',
  ).toEqual([]);
});

test('a bad address on the access page gets a specific error, and nothing is sent', async ({ noJsPage: page }) => {
  await page.goto('/applications/access');
  await page.getByLabel('Email address').fill('not-an-address');
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.locator('#access-email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
});

test('the candidate downloads everything held about them: every field and the resume, in a ZIP', async ({ page }) => {
  const email = uniqueEmail('export');
  await apply(page, 'Dorothy Vaughan', email);
  await openOwnPage(page, linkIn(await waitForMail(email, `Your application for ${TITLE}`)));
  const download = await page.request.get('/applications/data');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/zip');
  expect(download.headers()['content-disposition']).toMatch(
    /^attachment; filename="my-applications-\d{4}-\d{2}-\d{2}\.zip"$/,
  );
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(await download.body()));
  const names = Object.keys(files);
  expect(names).toContain('data.json');
  const { applications } = JSON.parse(strFromU8(files['data.json']!)) as { applications: Record<string, unknown>[] };
  expect(applications).toHaveLength(1);
  expect(applications[0]).toMatchObject({ fullName: 'Dorothy Vaughan', email, posting: TITLE, status: 'Received' });
  expect(applications[0]!.emails).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind: 'application_received' })]),
  );
  const resume = names.find((n) => n.endsWith('.pdf'));
  expect(resume).toBeTruthy();
  expect(strFromU8(files[resume!]!.slice(0, 5))).toBe('%PDF-');
  // Without a session there is nothing to download.
  const anonymous = await fetch(new URL('/applications/data', page.url()), { redirect: 'manual' });
  expect([303, 307, 401]).toContain(anonymous.status);
});

test('hostile sign-in and link requests get a clear answer, never a 500', async ({ baseURL }) => {
  const origin = { Origin: baseURL! };
  const cases: { path: string; body?: string; type?: string; headers?: Record<string, string>; status: number }[] = [
    { path: '/applications/session', body: 'token=', status: 303 },
    { path: '/applications/session', body: `token=${'x'.repeat(5000)}`, status: 303 },
    { path: '/applications/session', body: 'token=a&token=b', status: 303 },
    { path: '/applications/session', body: '{"token":1}', type: 'application/json', status: 303 },
    { path: '/applications/session', body: '--x\r\nbroken', type: 'multipart/form-data; boundary=x', status: 303 },
    { path: '/applications/session', body: 'token=x', headers: { Origin: 'https://evil.example' }, status: 403 },
    { path: '/applications/access/request', body: 'email=%00%01', status: 303 },
    { path: '/applications/access/request', body: `email=${'a'.repeat(300)}@example.com`, status: 303 },
    { path: '/applications/access/request', body: 'email=x', headers: { Origin: 'null' }, status: 403 },
  ];
  for (const c of cases) {
    const response = await fetch(new URL(c.path, baseURL), {
      method: 'POST',
      body: c.body,
      headers: { 'Content-Type': c.type ?? 'application/x-www-form-urlencoded', ...origin, ...c.headers },
      redirect: 'manual',
    });
    expect(response.status, `${c.path} ${c.body?.slice(0, 40)}`).toBe(c.status);
    if (c.status === 303)
      expect(response.headers.get('location')).toMatch(/^\/applications\/access\?(link=expired|error=email)$/);
  }
});
