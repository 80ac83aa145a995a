import { fillApplication, pdf, SEED, sendButton, uniqueEmail } from './fixtures/apply';
import { E2E_APPLY_LIMIT, POSTGRES_TARGET } from './fixtures/env';
import { loopback, send } from './fixtures/http';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// Two instances of the site on one PostgreSQL database and one bucket, as behind a load balancer: nothing
// that must hold across them lives in one process. (PostgreSQL project only.)

test.describe.configure({ mode: 'serial' });
let second: ExtraServer;
test.beforeAll(async () => {
  second = await startExtraServer('second-instance', 21, {}, POSTGRES_TARGET!);
});
test.afterAll(async () => second?.stop());

const SLUG = SEED.split('/').pop()!;

test('an application sent to one instance is in the other’s inbox, with its resume', async ({
  noJsPage,
  page,
  admin,
}) => {
  const email = uniqueEmail('instances');
  await noJsPage.goto(SEED);
  await fillApplication(noJsPage, { fullName: 'Twice Served', email, resume: pdf('twice.pdf', 2048), consent: true });
  await sendButton(noJsPage).click();
  await expect(noJsPage.getByRole('heading', { name: 'Application sent' })).toBeVisible();

  await admin.signIn(page);
  await page.goto(`${second.origin}/admin?q=Twice`);
  await page.getByRole('link', { name: 'Twice Served' }).click();
  await expect(page).toHaveURL(/\/admin\/applications\/\d+/);
  const download = await page.request.get(`${page.url().split('?')[0]}/resume?download=1`);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a session made on one instance is valid on the other, and signing out on one ends it on both', async ({
  page,
  admin,
  baseURL,
}) => {
  await admin.signIn(page); // on the first instance
  await page.goto(`${second.origin}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click(); // on the second
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto(`${baseURL}/admin`);
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test('the apply limit counts across both instances', async ({ baseURL }) => {
  const from = loopback();
  const probe = (origin: string) => {
    const form = new FormData();
    form.append('slug', SLUG);
    return send(`${origin}${SEED}`, { from, body: form, headers: { Origin: origin } });
  };
  const statuses: number[] = [];
  for (let i = 0; i < E2E_APPLY_LIMIT; i++) statuses.push((await probe(i % 2 ? second.origin : baseURL!)).status);
  expect(statuses.filter((s) => s === 429)).toEqual([]);
  expect((await probe(baseURL!)).status).toBe(429);
  expect((await probe(second.origin)).status).toBe(429);
});

test('the sign-in throttle counts across both instances', async ({ baseURL, admin }) => {
  const from = loopback();
  const attempt = (origin: string, password: string) =>
    send(`${origin}/admin/session`, {
      from,
      body: new URLSearchParams({ email: admin.email, password }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    });
  for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? second.origin : baseURL!, 'wrong')).status).toBe(303);
  expect((await attempt(baseURL!, admin.password)).status).toBe(429);
  expect((await attempt(second.origin, admin.password)).status).toBe(429);
});
