import { sql } from 'drizzle-orm';
import { rows } from '@/db/dialect';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { fillApplication, pdf, SEED, sendButton, uniqueEmail } from './fixtures/apply';
import { E2E_APPLY_LIMIT } from './fixtures/env';
import { loopback, send } from './fixtures/http';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// The client's address feeds the apply limit, the sign-in throttle and the audit log. Without TRUST_PROXY it
// is the socket's peer and nothing a client writes in a header can change it.

const SLUG = SEED.split('/').pop()!;
const probe = (origin: string, from: string, forwardedFor?: string) => {
  const form = new FormData();
  form.append('slug', SLUG);
  const headers: Record<string, string> = { Origin: origin };
  if (forwardedFor) headers['X-Forwarded-For'] = forwardedFor;
  return send(`${origin}${SEED}`, { from, body: form, headers });
};

test('a different X-Forwarded-For on every post does not escape the apply limit', async ({ baseURL }) => {
  const from = loopback();
  const statuses: number[] = [];
  for (let i = 0; i < E2E_APPLY_LIMIT + 3; i++)
    statuses.push((await probe(baseURL!, from, `203.0.113.${i % 250}`)).status);
  expect(statuses.slice(0, E2E_APPLY_LIMIT).filter((s) => s === 429)).toEqual([]);
  expect(statuses.slice(E2E_APPLY_LIMIT)).toEqual([429, 429, 429]);
  // Another socket address is another client: its post reaches the next check (not the application form).
  expect((await probe(baseURL!, loopback())).status).toBe(400);
});

test.describe('behind two trusted proxies (TRUST_PROXY=2)', () => {
  test.describe.configure({ mode: 'serial' });
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startExtraServer('proxied', 11, { TRUST_PROXY: '2', APPLY_RATE_LIMIT: '5/60' });
  });
  test.afterAll(async () => server?.stop());

  test('the client is the address the outer proxy appended; what the client wrote to its left is ignored', async () => {
    // Both requests reach us from the inner proxy (one socket address); the outer one saw two clients.
    const proxy = loopback();
    const client = (n: number, spoof: string) => `${spoof}, 198.51.100.${n}, 10.0.0.1`;
    const first: number[] = [];
    for (let i = 0; i < 7; i++) first.push((await probe(server.origin, proxy, client(1, `192.0.2.${i}`))).status);
    expect(first).toEqual([400, 400, 400, 400, 400, 429, 429]);
    expect((await probe(server.origin, proxy, client(2, '192.0.2.1'))).status).toBe(400);
  });

  test('the audit log records the same address for a sign-in', async ({ newPage }) => {
    await createAdminUser({
      database: server.database,
      email: 'proxied-admin@example.com',
      password: 'a password long enough',
    });
    const page = await newPage({ extraHTTPHeaders: { 'X-Forwarded-For': '1.2.3.4, 198.51.100.77, 10.0.0.1' } });
    await page.goto(`${server.origin}/admin/sign-in`);
    await page.getByLabel('Email address').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not a password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText('not right');
    const failures = await rows(server.database, sql`SELECT detail FROM audit_log WHERE action = 'sign_in_failed'`);
    expect(failures).toEqual([{ detail: 'from 198.51.100.77' }]);
  });
});

test('a candidate who applies from the browser is not held up by the probes above', async ({ noJsPage: page }) => {
  await page.goto(SEED);
  await fillApplication(page, {
    fullName: 'Ordinary Candidate',
    email: uniqueEmail('address'),
    resume: pdf(),
    consent: true,
  });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
});
