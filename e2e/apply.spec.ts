import { eq, sql } from 'drizzle-orm';
import { emailKey } from '@/features/mail/email-key';
import {
  CLOSED,
  enhanceForm,
  fillApplication,
  pdf,
  postApplication,
  SEED,
  sendButton,
  uniqueEmail,
} from './fixtures/apply';
import { applicationsOf, e2eDb, query } from './fixtures/db';
import { linkIn, waitForMail } from './fixtures/mailbox';
import { expect, storesNothing, test } from './fixtures/test';

async function rowsFor(email: string) {
  const { db, t } = await e2eDb();
  return db
    .select({
      reference: t.applications.reference,
      fullName: t.applications.fullName,
      mediaType: t.resumes.mediaType,
      consentAt: t.applications.consentAt,
    })
    .from(t.applications)
    .innerJoin(t.resumes, eq(t.resumes.id, t.applications.resumeId))
    .where(eq(t.applications.emailKey, emailKey(email)));
}

const TITLE = 'Senior Backend Engineer (Remote)';

/** The confirmation email: it carries the reference and the private link. */
async function confirmationOf(email: string) {
  const mail = await waitForMail(email, `Your application for ${TITLE}`);
  const reference = /Your reference is ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(mail.text)?.[1];
  expect(reference, mail.text).toBeTruthy();
  expect(linkIn(mail)).toMatch(/^\/applications\/open\?token=/);
  return reference;
}

test('apply with JavaScript: validated in the browser, stored once, confirmed by email with a reference', async ({
  page,
}) => {
  const email = uniqueEmail('js');
  await page.goto(SEED);
  await page.getByRole('link', { name: 'Apply now' }).click();
  await enhanceForm(page);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  // Submitting empty: the browser validates, nothing reaches the server.
  await sendButton(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  expect(posts).toEqual([]);
  await expect(summary.getByRole('link')).toHaveText([
    'Enter your full name',
    'Enter your email address',
    'Choose your resume as a PDF or Word (.docx) file',
    'Agree to the privacy notice to send your application',
  ]);
  await summary.getByRole('link', { name: 'Enter your email address' }).click();
  await expect(page.getByLabel('Email address')).toBeFocused();

  await fillApplication(page, {
    fullName: 'Ada Lovelace',
    email: 'not-an-email',
    resume: pdf('Ada CV.pdf'),
    consent: true,
  });
  await page.getByLabel('Full name').focus(); // leaving the email field validates it
  await expect(page.locator('#apply-email-error')).toHaveText(
    'Error: Enter an email address in the correct format, like name@example.com',
  );
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Full name').focus();
  await expect(page.locator('#apply-email-error')).toHaveCount(0);

  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  await expect(page).toHaveURL(`${SEED}/applied`);
  const reference = await confirmationOf(email);
  const rows = await rowsFor(email);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ reference, fullName: 'Ada Lovelace', mediaType: 'application/pdf' });
  expect(rows[0]!.consentAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
});

test('apply with JavaScript disabled: errors keep the values, then the application is stored', async ({
  noJsPage: page,
}) => {
  const email = uniqueEmail('nojs');
  await page.goto(SEED);
  await fillApplication(page, {
    fullName: 'Grace Hopper',
    email: 'grace@',
    coverLetter: 'I wrote the first compiler.',
    resume: pdf(),
  });
  await sendButton(page).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused(); // autofocus works without JavaScript
  await expect(summary.getByRole('link')).toHaveText([
    'Enter an email address in the correct format, like name@example.com',
    'Agree to the privacy notice to send your application',
  ]);
  await expect(page.locator('#apply-email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Full name')).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('Cover letter')).toHaveValue('I wrote the first compiler.');
  expect(await page.getByLabel('Resume').inputValue()).toBe(''); // files are never echoed back

  await fillApplication(page, { email, resume: pdf(), consent: true });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  const reference = await confirmationOf(email);
  expect(await rowsFor(email)).toEqual([expect.objectContaining({ reference, fullName: 'Grace Hopper' })]);
});

test('without JavaScript, a sent application is answered 303 to a light page, and reloading it sends nothing', async ({
  noJsPage: page,
}) => {
  const email = uniqueEmail('redirect');
  await page.goto(SEED);
  await fillApplication(page, { fullName: 'Redirect Check', email, resume: pdf(), consent: true });
  const posts: { status: number; location: string | undefined }[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST')
      posts.push({ status: response.status(), location: response.headers()['location'] });
  });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  // POST, then 303: the posting is not rendered again for the answer, and the page shown is a GET.
  expect(posts).toEqual([{ status: 303, location: `${SEED}/applied` }]);
  await expect(page).toHaveURL(`${SEED}/applied`);
  await expect(page.locator('form.apply-form')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(await applicationsOf(email)).toHaveLength(1);

  // The same as a script sees it: no body to render, only the way to the confirmation.
  const again = await postApplication(page, SEED, {
    slug: 'senior-backend-engineer-remote',
    fullName: 'Redirect Check',
    email: uniqueEmail('redirect'),
    consent: 'yes',
    resume: pdf(),
  });
  expect(again.status()).toBe(303);
  expect(again.headers()['location']).toBe(`${SEED}/applied`);
  expect(await again.text()).toBe('');
});

test('the server validates again: a bad email posted straight to the action is refused and nothing is stored', async ({
  noJsPage: page,
}) => {
  const response = await postApplication(page, SEED, {
    slug: 'senior-backend-engineer-remote',
    fullName: 'Script Kiddie',
    email: 'bad-email@',
    consent: 'yes',
    resume: pdf(),
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Enter an email address in the correct format');
  expect(await query(sql`select 1 from applications where full_name = 'Script Kiddie'`)).toHaveLength(0);
});

test('a closed posting refuses a direct POST', async ({ noJsPage: page }) => {
  storesNothing();
  const email = uniqueEmail('closed');
  const response = await postApplication(page, CLOSED, {
    slug: 'solutions-engineer-new-york',
    fullName: 'Late Applicant',
    email,
    consent: 'yes',
    resume: pdf(),
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Applications for Solutions Engineer are closed');
  expect(await applicationsOf(email)).toHaveLength(0);
});

test('a wrong file type is a field error in the browser and on the server', async ({ page, noJsPage }) => {
  storesNothing();
  const fake = {
    name: 'resume.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><script>alert(1)</script></html>'),
  };
  const email = uniqueEmail('type');

  await page.goto(SEED);
  await enhanceForm(page);
  await fillApplication(page, { fullName: 'Typed Wrong', email, resume: fake, consent: true });
  await sendButton(page).click();
  await expect(page.locator('#apply-resume-error')).toHaveText(
    'Error: The resume must be a PDF or a Word (.docx) document',
  );

  await noJsPage.goto(SEED);
  await fillApplication(noJsPage, { fullName: 'Typed Wrong', email, resume: fake, consent: true });
  await sendButton(noJsPage).click();
  await expect(noJsPage.locator('#apply-resume-error')).toHaveText(
    'Error: The resume must be a PDF or a Word (.docx) document',
  );
  expect(await applicationsOf(email)).toHaveLength(0);
});

test('an oversize resume is a clear error, never a 500', async ({ page, noJsPage }) => {
  // Three files of 10–12 MB go through the browser: 20 s alone, past 30 s beside the rest of `npm test` (measured).
  test.slow();
  storesNothing();
  const email = uniqueEmail('big');
  // In the browser: refused before upload.
  await page.goto(SEED);
  await enhanceForm(page);
  await fillApplication(page, {
    fullName: 'Big File',
    email,
    resume: pdf('big.pdf', 10 * 1024 * 1024 + 1),
    consent: true,
  });
  await sendButton(page).click();
  await expect(page.locator('#apply-resume-error')).toHaveText('Error: The resume must be 10 MB or smaller');

  // Without JavaScript, just over the limit: the server's field error.
  await noJsPage.goto(SEED);
  await fillApplication(noJsPage, {
    fullName: 'Big File',
    email,
    resume: pdf('big.pdf', 10 * 1024 * 1024 + 1),
    consent: true,
  });
  await sendButton(noJsPage).click();
  await expect(noJsPage.locator('#apply-resume-error')).toHaveText('Error: The resume must be 10 MB or smaller');

  // Far over the limit: a page that explains, with status 413.
  const response = await postApplication(noJsPage, SEED, {
    slug: 'senior-backend-engineer-remote',
    fullName: 'Big File',
    email,
    consent: 'yes',
    resume: pdf('huge.pdf', 12 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('The resume must be 10 MB or smaller');
  expect(await applicationsOf(email)).toHaveLength(0);
});

test('applying twice with the same email: the same confirmation on screen, no second row, and only the mailbox learns it', async ({
  noJsPage: page,
}) => {
  const email = uniqueEmail('twice');
  for (const attempt of [1, 2]) {
    await page.goto(SEED);
    await fillApplication(page, {
      fullName: 'Twice Applied',
      email: attempt === 1 ? email : email.toUpperCase(),
      resume: pdf(),
      consent: true,
    });
    await sendButton(page).click();
    // Whoever typed the address sees the same page either way: the screen never tells whether it applied.
    await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
    await expect(page.locator('.error-summary')).toHaveCount(0);
  }
  expect(await rowsFor(email)).toHaveLength(1);
  await confirmationOf(email);
  const notice = await waitForMail(email, `You have already applied for ${TITLE}`);
  expect(notice.text).toContain('we kept the first one and stored nothing new');
  expect(linkIn(notice)).toMatch(/^\/applications\/open\?token=/);
});

test('bots are dropped quietly: a filled honeypot looks like success and stores nothing', async ({
  noJsPage: page,
}) => {
  const email = uniqueEmail('bot');
  await page.goto(SEED);
  await fillApplication(page, { fullName: 'Spam Bot', email, resume: pdf(), consent: true });
  await page.locator('input[name="website"]').fill('http://spam.example', { force: true });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  expect(await applicationsOf(email)).toHaveLength(0);
});

test('with JavaScript, a refused submission (429, network failure) is a message on the form, which keeps what was typed', async ({
  page,
}) => {
  storesNothing();
  await page.goto(SEED);
  await enhanceForm(page);
  await page.route(`**${SEED}`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 429,
          headers: { 'Retry-After': '30', 'Content-Type': 'text/html' },
          body: '<h1>Too many applications</h1>',
        })
      : route.continue(),
  );
  await fillApplication(page, {
    fullName: 'Patient Person',
    email: uniqueEmail('refused'),
    coverLetter: 'Hello there.',
    resume: pdf(),
    consent: true,
  });
  await sendButton(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Your application could not be sent');
  await expect(page.getByLabel('Full name')).toHaveValue('Patient Person');
  await expect(page.getByLabel('Cover letter')).toHaveValue('Hello there.');
});
