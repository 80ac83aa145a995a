import { sql } from 'drizzle-orm';
import { uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { query, seedApplication } from '../fixtures/db';
import { waitForMail } from '../fixtures/mailbox';
import { expect, test } from '../fixtures/test';

const LABELS = ['', 'New', 'Reviewing', 'Interview', 'Offer', 'Hired', 'Rejected'];

test('ten applications triaged by keyboard alone: a status key moves, j goes on, each step announced', async ({
  page,
  admin,
}) => {
  // Ten round trips to the server, each a status change and a navigation.
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) ids.push(await seedApplication({ fullName: `Key ${i} ${tag}` }));
  await admin.signIn(page);
  // Newest first: the view's first application is the last seeded.
  await page.goto(`/admin/applications/${ids.at(-1)}?q=${tag}`);
  const plan = ['2', '3', '6', '2', '4', '6', '6', '3', '2', '5'];
  const expected: Record<string, string> = {
    '2': 'reviewing',
    '3': 'interview',
    '4': 'offer',
    '5': 'hired',
    '6': 'rejected',
  };
  const live = page.locator('#triage-announcer');
  for (const [i, key] of plan.entries()) {
    const id = ids[ids.length - 1 - i]!;
    await expect(page).toHaveURL(new RegExp(`/admin/applications/${id}\\?`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Key ${9 - i} ${tag}`);
    // The hint shows once the page's script listens for keys.
    await expect(page.getByText('Keys: j next')).toBeVisible();
    await page.keyboard.press(key);
    // Announced twice: "Moving to …" at once (the redirect after the change may replace it), then the page's
    // own "Status updated." status message; the pipeline shows the new step as current.
    await expect(page.getByRole('status').filter({ hasText: 'Status updated.' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Pipeline' }).locator('[aria-current=step]')).toHaveText(
      LABELS[Number(key)]!,
    );
    if (i < plan.length - 1) await page.keyboard.press('j');
  }
  // The last one: there is no next, and saying so is the answer.
  await page.keyboard.press('j');
  await expect(live).toHaveText('This is the last application in the view.');

  const stored = await query<{ id: number; status: string }>(
    sql`SELECT id, status FROM applications WHERE full_name LIKE ${`% ${tag}`} ORDER BY id DESC`,
  );
  expect(stored.map((row) => row.status)).toEqual(plan.map((key) => expected[key]));
  const changes = await query(
    sql`SELECT 1 FROM status_changes WHERE application_id IN (SELECT id FROM applications WHERE full_name LIKE ${`% ${tag}`})`,
  );
  expect(changes).toHaveLength(10);

  // k goes back; n is the note, where keys are letters again; ? lists the keys; axe is clean with it open.
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Key 1 ${tag}`);
  await page.keyboard.press('n');
  await expect(page.getByLabel('Add a note')).toBeFocused();
  await page.keyboard.type('j k 2 s');
  await expect(page.getByLabel('Add a note')).toHaveValue('j k 2 s');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Key 1 ${tag}`);
  await page.getByLabel('Add a note').blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keys on this page' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Move to Rejected')).toBeVisible();
  await axeClean(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const [row] = await query<{ status: string }>(sql`SELECT status FROM applications WHERE id = ${ids[1]!}`);
  expect(row!.status).toBe('reviewing');
});

test('the inbox: choose several, move them, assign them, export exactly them', async ({ page, admin }) => {
  const tag = uniqueTag();
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push(await seedApplication({ fullName: `Bulk ${i} ${tag}` }));
  await admin.signIn(page);
  await page.goto(`/admin?q=${tag}`);
  // Nothing chosen: the bar waits out of the way (without JavaScript it stays, and the server says what is
  // missing: admin/inbox-keys.spec.ts).
  await expect(page.getByRole('button', { name: 'Move' })).toBeHidden();

  await page.getByLabel(`Choose Bulk 0 ${tag}`).check();
  await page.getByLabel(`Choose Bulk 2 ${tag}`).check();
  await page.getByLabel('Move to').selectOption('interview');
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText('Moved 2 applications.')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const statuses = await query<{ full_name: string; status: string }>(
    sql`SELECT full_name, status FROM applications WHERE full_name LIKE ${`% ${tag}`} ORDER BY id`,
  );
  expect(statuses.map((row) => row.status)).toEqual(['interview', 'new', 'interview', 'new']);

  await page.getByLabel(`Choose Bulk 1 ${tag}`).check();
  await page.getByLabel(`Choose Bulk 3 ${tag}`).check();
  await page.getByLabel('Assign to').selectOption({ label: admin.email });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Assigned 2 applications.')).toBeVisible();
  await page.getByLabel('Assigned to me').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await axeClean(page);

  await page.goto(`/admin?q=${tag}`);
  await page.getByLabel(`Choose Bulk 0 ${tag}`).check();
  await page.getByLabel(`Choose Bulk 3 ${tag}`).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the chosen as CSV' }).click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += chunk;
  expect(text).toContain(`Bulk 0 ${tag}`);
  expect(text).toContain(`Bulk 3 ${tag}`);
  expect(text).not.toContain(`Bulk 1 ${tag}`);
  expect(text.trimEnd().split('\r\n')).toHaveLength(3);
});

test('bulk move with the candidates’ email: read and edit first, then each gets it with their name', async ({
  page,
  admin,
}) => {
  const tag = uniqueTag();
  const emails = [`one-${tag}@example.com`, `two-${tag}@example.com`];
  for (const [i, email] of emails.entries()) await seedApplication({ fullName: `Mail ${i} ${tag}`, email });
  await admin.signIn(page);
  await page.goto(`/admin?q=${tag}`);
  for (let i = 0; i < 2; i++) await page.getByLabel(`Choose Mail ${i} ${tag}`).check();
  await page.getByLabel('Move to').selectOption('rejected');
  await page.getByLabel('and email the candidates').check();
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Move 2 applications to Rejected');
  const message = page.getByLabel('Email');
  await expect(message).toHaveValue(/^Dear \{name\},/);
  await expect(page).toHaveTitle(/^Email the chosen candidates/);
  await axeClean(page);
  await page.getByRole('button', { name: 'Move and send 2 emails' }).click();
  await expect(page.getByText('Moved 2 applications; the emails are on their way.')).toBeVisible();
  for (const [i, email] of emails.entries()) {
    const sent = await waitForMail(email, (mail) => mail.text.includes('not to take it further'));
    expect(sent.text).toContain(`Dear Mail ${i} ${tag},`);
    expect(sent.text).not.toContain('{name}');
  }
});
