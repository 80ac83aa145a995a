import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueTag } from './fixtures/admin';
import { E2E_SMTP_PORT } from './fixtures/env';
import { mailTo, waitForMail } from './fixtures/mailbox';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// A posting opening on a running site: the built site and its worker, in a working directory of their own whose
// content/ can change under them as a deploy would change it. Emails go to the suite's real SMTP server.
test.describe.configure({ mode: 'serial' });

const DRAFT = 'engineering-manager-platform';
let dir: string;
let server: ExtraServer | undefined;

const start = async () =>
  startExtraServer(
    'alerts-announce',
    52,
    {
      MAIL_WORKER: 'on',
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      ALERTS_ANNOUNCE_SECONDS: '0.5',
      // Its own database, kept across the restart.
      DATABASE_URL: `file:${path.join(dir, 'careers.db')}`,
    },
    undefined,
    dir,
  );

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-announce-'));
  // The build, the packages, the compiled server and the migrations as they are; the content a copy to change.
  for (const name of ['.next', 'node_modules', 'dist', 'public', 'db', 'package.json'])
    fs.symlinkSync(path.resolve(name), path.join(dir, name));
  fs.cpSync('content', path.join(dir, 'content'), { recursive: true });
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a draft opened on the running site is emailed once to each matching alert, and not again after a restart', async ({
  page,
}) => {
  test.setTimeout(90_000);
  server = await start();
  // The postings open at start are recorded (announced to nobody yet): later alerts do not hear of them.
  await expect.poll(() => server!.log()).toContain('[alerts] announced 3 new posting(s)');

  const tag = uniqueTag();
  const [any, design] = [`any-${tag}@example.com`, `design-${tag}@example.com`];
  for (const [email, team] of [
    [any, ''],
    [design, 'Design'],
  ] as const) {
    await page.goto(`${server.origin}/alerts`);
    await page.getByLabel('Email for job alerts').fill(email);
    await page.getByLabel('Team').selectOption(team);
    await page.getByRole('button', { name: 'Email me new jobs' }).click();
    const link = /https?:\/\/[^\s)]+(\/alerts\/manage\?token=[\w.-]+)/.exec(
      (await waitForMail(email, 'Confirm your job alert')).text,
    )![1]!;
    await page.goto(`${server.origin}${link}`);
    await page.getByRole('button', { name: 'Confirm my job alert' }).click();
    await expect(page.getByRole('status')).toContainText('Your job alert is on');
  }

  // The deploy: the draft is open now.
  const file = path.join(dir, 'content', 'postings', `${DRAFT}.mdx`);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: draft$/m, 'status: open'));
  const alert = await waitForMail(any, 'New job: Engineering Manager, Platform');
  expect(alert.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  expect(alert.html).toContain(`/careers/${DRAFT}?src=alert`);

  // A restart reads the same content: nothing is announced again.
  await server.stop();
  server = await start();
  await expect.poll(() => server!.log(), { timeout: 15_000 }).toContain('Worker running');
  await page.waitForTimeout(2_000);
  expect(server.log()).not.toContain('[alerts] announced');
  const newJobs = async (email: string) => (await mailTo(email)).filter((m) => m.subject.startsWith('New job'));
  expect(await newJobs(any)).toHaveLength(1);
  expect(await newJobs(design)).toHaveLength(0);
});
