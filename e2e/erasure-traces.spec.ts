import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { rows } from '@/db/dialect';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { postgresTool } from '@/scripts/test/postgres';
import { minimalPdf } from '@/test-support/pdf';
import { PASSWORD } from './fixtures/admin';
import { fillApplication, SEED, sendButton } from './fixtures/apply';
import { E2E_HIRING_TEAM, E2E_SMTP_PORT, POSTGRES_TARGET } from './fixtures/env';
import { linkIn, waitForMail } from './fixtures/mailbox';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// Erasure leaves nothing of the person behind, anywhere the site writes: a candidate applies with a unique
// name and address, the team searches for them, exports them, emails them, assigns and notes them; they ask
// for a new link and erase; then every byte the site holds is scanned for the name, the address and the
// address's plain hash: the data folder (database, write-ahead log, mail files) and the server's log on
// SQLite; a pg_dump, the bucket's files and the log on PostgreSQL with object storage. Search-index words
// may share their first letters with the word before them: markers are random words, searched by their tail.

const word = () => `zq${crypto.randomBytes(8).toString('hex')}`;
const tail = (marker: string) => marker.slice(-12);

type Person = { first: string; last: string; mailbox: string; source: string; letter: string };
const person = (): Person => ({ first: word(), last: word(), mailbox: word(), source: word(), letter: word() });
const addressOf = (p: Person) => `${p.mailbox}@example.com`;

/** What must not be found anywhere: the name's words, the address and its plain hashes. */
function needles(p: Person): Buffer[] {
  const address = addressOf(p);
  const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
  return [
    ...[p.first, p.last, p.mailbox, p.source, p.letter].map(tail),
    address,
    sha(address),
    sha(`access:${address}`),
  ].map((text) => Buffer.from(text));
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() ? [file] : [];
  });
}

/** The sources that still hold a needle: names of files, or labels of other bytes. */
function holders(sources: Record<string, Buffer>, p: Person): string[] {
  const found = needles(p);
  return Object.entries(sources)
    .filter(([, bytes]) => found.some((needle) => bytes.includes(needle)))
    .map(([name]) => name);
}

async function signInAs(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
}

/** Everything the team does with an application that writes the candidate somewhere. */
async function workOn(page: Page, server: ExtraServer, p: Person, colleague: string): Promise<number> {
  await page.goto(`${server.origin}/admin?q=${p.last}`);
  const row = page.getByRole('link', { name: `${p.first} ${p.last}` });
  await expect(row).toBeVisible();
  const id = Number((await row.getAttribute('href'))!.match(/applications\/(\d+)/)![1]);
  for (const query of [`q=${addressOf(p)}`, `source=${p.source}`, `q=${p.last}`]) {
    const csv = await page.request.get(`${server.origin}/admin/export?${query}`);
    expect(await csv.text(), query).toContain(p.last);
  }
  await page.goto(`${server.origin}/admin/applications/${id}`);
  await page.getByLabel('Add a note').fill(`Call ${p.first} about the ${p.letter} project.`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status')).toHaveText('Note added.');
  await page.getByLabel('Assign to').selectOption({ label: colleague });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status')).toHaveText('Assigned.');
  await page.getByLabel('Move to').selectOption({ label: 'Interview' });
  await page.getByLabel(/Email the candidate about it/).check();
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.getByLabel('Email', { exact: true }).fill(`Dear ${p.first} ${p.last}, see you soon.`);
  await page.getByRole('button', { name: /^Move to Interview and send the email$/ }).click();
  await expect(page.getByRole('status')).toHaveText('Status updated. The email to the candidate is on its way.');
  return id;
}

/** The candidate applies (from a source of their own), asks for a new link, opens it and erases. */
async function applyThenErase(page: Page, server: ExtraServer, p: Person, linkOf: () => Promise<string>) {
  await page.goto(`${server.origin}${SEED}?src=${p.source}`);
  await fillApplication(page, {
    fullName: `${p.first} ${p.last}`,
    email: addressOf(p),
    coverLetter: `I built the ${p.letter} platform.`,
    resume: { name: `${p.first}-${p.last}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf(`cv ${p.letter}`) },
    consent: true,
  });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  return async () => {
    await page.goto(`${server.origin}/applications/access`);
    await page.getByLabel('Email address').fill(addressOf(p));
    await page.getByRole('button', { name: /Email me a link|Send/ }).click();
    await page.goto(`${server.origin}${await linkOf()}`);
    await page.getByRole('button', { name: 'Open my applications' }).click();
    await page.getByRole('link', { name: 'Erase this application' }).click();
    await page.getByRole('button', { name: 'Erase my application now' }).click();
    await expect(page.getByRole('status')).toContainText('Your application is erased');
  };
}

/** The worker has done everything the erasure asked for and sent every email. */
async function settled(server: ExtraServer) {
  await expect
    .poll(
      async () => {
        const jobs = await rows(server.database, sql`SELECT name FROM pending_jobs`);
        const due = await rows(server.database, sql`SELECT id FROM outbox WHERE status = 'pending'`);
        return jobs.length + due.length;
      },
      { timeout: 30_000 },
    )
    .toBe(0);
}

async function addTeam(server: ExtraServer) {
  const owner = `owner-${word()}@example.com`;
  const colleague = `colleague-${word()}@example.com`;
  await createAdminUser({ database: server.database, email: owner, password: PASSWORD });
  await createAdminUser({ database: server.database, email: colleague, password: PASSWORD });
  return { owner, colleague };
}

test.describe('erasure on SQLite, emails as files', () => {
  test.describe.configure({ mode: 'serial' });
  const folder = path.resolve('data/e2e-traces');
  let server: ExtraServer;
  test.beforeAll(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    server = await startExtraServer('traces', 30, {
      DATABASE_URL: `file:${path.join(folder, 'careers.db')}`,
      MAIL_WORKER: 'on',
      MAIL_RETRY_SECONDS: '1',
      SMTP_URL: '',
      HIRING_TEAM_EMAIL: E2E_HIRING_TEAM,
    });
  });
  test.afterAll(async () => server?.stop());

  test('no byte of the candidate is left in the data folder or the log', async ({ page, newPage }) => {
    test.setTimeout(90_000);
    const p = person();
    const { owner, colleague } = await addTeam(server);
    // The link in the newest access-link email, read from its file as the candidate's mail program would.
    const linkOf = async () => {
      let file: string | undefined;
      await expect
        .poll(async () => {
          const [row] = await rows<{ id: number }>(
            server.database,
            sql`SELECT id FROM outbox WHERE kind = 'access_link' AND status = 'sent' ORDER BY id DESC LIMIT 1`,
          );
          file = row && filesUnder(path.join(folder, 'mail')).find((f) => f.endsWith(`-outbox-${row.id}.eml`));
          return Boolean(file);
        })
        .toBe(true);
      const parsed = await simpleParser(fs.readFileSync(file!));
      return linkIn({ subject: parsed.subject ?? '', text: parsed.text ?? '' } as Parameters<typeof linkIn>[0]);
    };
    const erase = await applyThenErase(page, server, p, linkOf);
    const team = await newPage();
    await signInAs(team, server.origin, owner);
    await workOn(team, server, p, colleague);
    await settled(server);
    // The scan can fail: before the erasure the person is in the database, the mail files and the log.
    const everything = () =>
      Object.fromEntries([
        ...filesUnder(folder).map((file) => [path.relative(folder, file), fs.readFileSync(file)] as const),
        ['the server log', Buffer.from(server.log())] as const,
      ]);
    const before = holders(everything(), p);
    expect(
      before.some((name) => name.startsWith('mail/')),
      before.join(', '),
    ).toBe(true);
    expect(
      before.some((name) => name.startsWith('careers.db')),
      before.join(', '),
    ).toBe(true);

    await erase();
    await settled(server);
    server.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    expect(holders(everything(), p)).toEqual([]);
  });
});

test.describe('erasure on PostgreSQL with resumes in object storage', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!POSTGRES_TARGET || !process.env.TEST_S3_DIR, 'needs the PostgreSQL and S3 servers of npm test');
  const name = `careers_traces_${crypto.randomBytes(4).toString('hex')}`;
  const bucket = `traces-${crypto.randomBytes(4).toString('hex')}`;
  let url: string;
  let server: ExtraServer;
  test.beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(process.env.TEST_POSTGRES_URL!);
    target.pathname = `/${name}`;
    url = target.toString();
    const s3: Record<string, string> = { ...POSTGRES_TARGET!.env, S3_BUCKET: bucket };
    await new S3Client({ region: 'us-east-1', endpoint: s3.S3_ENDPOINT, forcePathStyle: true }).send(
      new CreateBucketCommand({ Bucket: bucket }),
    );
    server = await startExtraServer('traces-postgres', 31, {
      ...s3,
      DATABASE_URL: url,
      MAIL_WORKER: 'on',
      MAIL_RETRY_SECONDS: '1',
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    });
  });
  test.afterAll(async () => server?.stop());

  test('no byte of the candidate is left in a dump of the database, the bucket or the log', async ({
    page,
    newPage,
  }) => {
    test.setTimeout(90_000);
    const p = person();
    const { owner, colleague } = await addTeam(server);
    const erase = await applyThenErase(page, server, p, async () =>
      linkIn(await waitForMail(addressOf(p), 'Your link to your applications')),
    );
    const team = await newPage();
    await signInAs(team, server.origin, owner);
    await workOn(team, server, p, colleague);
    await settled(server);
    const dump = () => execFileSync(postgresTool('pg_dump'), ['--dbname', url], { maxBuffer: 1 << 28 });
    const bucketFolder = path.join(process.env.TEST_S3_DIR!, bucket);
    const everything = () =>
      Object.fromEntries([
        ['pg_dump', dump()] as const,
        ...filesUnder(bucketFolder).map((file) => [`bucket: ${path.basename(file)}`, fs.readFileSync(file)] as const),
        ['the server log', Buffer.from(server.log())] as const,
      ]);
    const before = holders(everything(), p);
    expect(before, 'the scan finds the person before the erasure').toContain('pg_dump');
    expect(
      before.some((name) => name.startsWith('bucket: ')),
      before.join(', '),
    ).toBe(true);

    await erase();
    await settled(server);
    expect(holders(everything(), p)).toEqual([]);
  });
});
