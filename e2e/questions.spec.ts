import { eq } from 'drizzle-orm';
import { emailKey } from '@/features/mail/email-key';
import { enhanceForm, fillApplication, pdf, postApplication, sendButton, uniqueEmail } from './fixtures/apply';
import { applicationsOf, e2eDb } from './fixtures/db';
import { expect, storesNothing, test } from './fixtures/test';

const POSTING = '/careers/data-platform-engineer-berlin';

test('a required question left out is refused by the server even when the browser is bypassed', async ({
  noJsPage: page,
}) => {
  const email = uniqueEmail('questions-bypass');
  const response = await postApplication(page, POSTING, {
    slug: 'data-platform-engineer-berlin',
    fullName: 'Bypassing Browser',
    email,
    consent: 'yes',
    resume: pdf(),
    'q_spark-years': '120',
    'q_notice-period': 'Next decade', // not one of the options
  });
  const html = await response.text();
  expect(response.status()).toBe(200);
  expect(html).toContain('Choose an answer to “Are you authorised to work in Germany?”'); // required
  expect(html).toContain('Enter a number of 50 or less');
  expect(html).toContain('Choose one of the options given');
  expect(await applicationsOf(email)).toHaveLength(0);
});

test('the browser checks the questions with the same rules before sending', async ({ page }) => {
  storesNothing();
  await page.goto(POSTING);
  await enhanceForm(page);
  await fillApplication(page, {
    fullName: 'Quick Check',
    email: uniqueEmail('questions-js'),
    resume: pdf(),
    consent: true,
  });
  await page.getByLabel(/How many years/).fill('many');
  await sendButton(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Choose an answer to “Are you authorised to work in Germany?”',
    'Enter a number, like 3 or 2.5',
  ]);
  await summary.getByRole('link', { name: /Choose an answer to “Are you authorised/ }).click();
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeFocused();
});

test('answers are stored with the application and shown to the hiring manager, in the detail and the CSV', async ({
  noJsPage: candidate,
  page,
  admin,
}) => {
  const email = uniqueEmail('questions-answers');
  await candidate.goto(POSTING);
  await fillApplication(candidate, { fullName: 'Answering Candidate', email, resume: pdf(), consent: true });
  await candidate
    .getByRole('group', { name: /authorised to work in Germany/ })
    .getByLabel('No')
    .check();
  await candidate.getByLabel(/How many years/).fill('4');
  await candidate.getByLabel('Two months').check();
  await candidate.getByLabel('Kafka').check();
  await candidate.getByLabel('Amazon S3').check();
  await candidate.getByLabel(/pipeline you are proud of/).fill('A CDC pipeline from Postgres to Iceberg.');
  await sendButton(candidate).click();
  await expect(candidate.getByRole('heading', { name: 'Application sent' })).toBeVisible();

  const { db, t } = await e2eDb();
  const [row] = await db
    .select({ id: t.applications.id, answers: t.applications.answers })
    .from(t.applications)
    .where(eq(t.applications.emailKey, emailKey(email)));
  expect(row!.answers).toEqual([
    { id: 'work-authorization', label: 'Are you authorised to work in Germany?', type: 'yes_no', answer: 'no' },
    {
      id: 'spark-years',
      label: 'How many years have you run Spark, Flink or a similar engine in production?',
      type: 'number',
      answer: '4',
    },
    { id: 'notice-period', label: 'What is your notice period?', type: 'single_choice', answer: 'Two months' },
    {
      id: 'connectors',
      label: 'Which of these systems have you built connectors or pipelines for?',
      type: 'multiple_choice',
      answer: ['Kafka', 'Amazon S3'],
    },
    {
      id: 'proudest-pipeline',
      label: 'Tell us about a pipeline you are proud of',
      type: 'long_text',
      answer: 'A CDC pipeline from Postgres to Iceberg.',
    },
  ]);

  await admin.signIn(page);
  await page.goto(`/admin/applications/${row!.id}`);
  const fields = page.locator('.admin-fields');
  await expect(fields.getByText('What is your notice period?')).toBeVisible();
  await expect(fields.getByText('Kafka, Amazon S3')).toBeVisible();
  await expect(fields.getByText('A CDC pipeline from Postgres to Iceberg.')).toBeVisible();

  const csv = await (await page.request.get(`/admin/export?q=${encodeURIComponent('Answering Candidate')}`)).text();
  const [header, first] = csv.split('\r\n');
  expect(header).toContain('Data Platform Engineer: What is your notice period?');
  expect(first).toContain('Two months');
  expect(first).toContain('Kafka; Amazon S3');
});
