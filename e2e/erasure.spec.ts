import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { minimalPdf } from '@/test-support/pdf';
import { fillApplication, SEED, sendButton } from './fixtures/apply';
import { query } from './fixtures/db';
import { SQLITE_TARGET } from './fixtures/env';
import { linkIn, waitForMail } from './fixtures/mailbox';
import { expect, test } from './fixtures/test';

// Erasure leaves nothing behind: after a candidate erases their application, no byte of their name, address,
// cover letter or resume is left in the SQLite database file or its write-ahead log, and the search index has
// forgotten them. The search index keeps words, not text, each possibly sharing its first letters with the
// word before it: so the markers are random words, and the file is searched for their last twelve letters.

const TITLE = 'Senior Backend Engineer (Remote)';
const FILE = SQLITE_TARGET.databaseUrl.replace(/^file:/, '');

const word = () => `zx${crypto.randomBytes(8).toString('hex')}`;
const tail = (marker: string) => marker.slice(-12);

function fileHolds(marker: string): string[] {
  const needle = Buffer.from(tail(marker));
  return ['', '-wal']
    .map((suffix) => `${FILE}${suffix}`)
    .filter((file) => fs.existsSync(file) && fs.readFileSync(file).includes(needle));
}

test('after the candidate erases an application, the database file holds no trace of it', async ({
  page,
  admin,
  newPage,
}) => {
  test.setTimeout(60_000);
  const [nameWord, letterWord, resumeWord, mailWord] = [word(), word(), word(), word()];
  const fullName = `Mary ${nameWord}`;
  const email = `${mailWord}@example.com`;
  await page.goto(SEED);
  await fillApplication(page, { fullName, email, coverLetter: `I build ${letterWord} systems.`, consent: true });
  await page.getByLabel('Resume').setInputFiles({
    name: 'mary.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(`resume ${resumeWord}`),
  });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  const link = linkIn(await waitForMail(email, `Your application for ${TITLE}`));

  // The scan can fail: before the erasure, every marker is in the file or its log.
  for (const marker of [nameWord, letterWord, resumeWord, mailWord]) expect(fileHolds(marker), marker).not.toEqual([]);

  await page.goto(link);
  await page.getByRole('button', { name: 'Open my applications' }).click();
  await page.getByRole('link', { name: 'Erase this application' }).click();
  await expect(page.getByRole('heading', { name: `Erase your application for ${TITLE}?` })).toBeVisible();
  await page.getByRole('button', { name: 'Erase my application now' }).click();
  await expect(page.getByRole('status')).toContainText('Your application is erased');
  // It was the address's only application: the address is forgotten, the private link with it.
  await expect(page.getByRole('status')).toContainText('your private link has stopped working too');
  await page.goto(link);
  await page.getByRole('button', { name: 'Open my applications' }).click();
  await expect(page).toHaveURL(/\/applications\/access\?link=expired/);
  const confirmation = await waitForMail(email, `Erased: your application for ${TITLE}`);
  expect(confirmation.text).not.toContain(letterWord);

  // The team's views no longer show them: the inbox search finds nothing, the export holds nothing.
  const manager = await newPage();
  await admin.signIn(manager);
  await manager.goto(`/admin?q=${nameWord}`);
  await expect(manager.getByRole('heading', { name: 'No applications' })).toBeVisible();
  const csv = await (await manager.request.get('/admin/export')).text();
  for (const marker of [nameWord, letterWord, mailWord]) expect(csv).not.toContain(marker);

  // The worker compacts the search index and checkpoints the log within a few seconds of the erasure.
  await expect
    .poll(async () => (await query(sql`SELECT name FROM pending_jobs WHERE name = 'search-index'`)).length, {
      timeout: 20_000,
    })
    .toBe(0);
  await expect
    .poll(() => [nameWord, letterWord, resumeWord, mailWord].flatMap((marker) => fileHolds(marker)), {
      timeout: 20_000,
    })
    .toEqual([]);
  // The audit log says it happened, and not what it held.
  const audit = await query<{ detail: string | null }>(
    sql`SELECT detail FROM audit_log WHERE action = 'erased' AND actor_email = 'candidate' ORDER BY id DESC LIMIT 1`,
  );
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain(nameWord);
});
