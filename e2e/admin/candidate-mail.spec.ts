import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { uniqueTag } from '../fixtures/admin';
import { query, seedApplication } from '../fixtures/db';
import { linkIn, waitForMail } from '../fixtures/mailbox';
import { expect, test } from '../fixtures/test';

// The admin tells a candidate of a status change only by choosing to, after reading (and editing) the email;
// and erases an application at once, after a confirmation, with the audit log recording it.

const TITLE = 'Senior Backend Engineer';
const SUBJECT = `Your application for ${TITLE}`;

async function seedCandidate(tag: string) {
  const email = `mail-${tag}@example.com`;
  const id = await seedApplication({ fullName: `Annie Easley ${tag}`, email });
  await waitForMail(email, SUBJECT); // the confirmation, so the emails below are told apart from it
  return { id, email, fullName: `Annie Easley ${tag}` };
}

async function moveTo(page: Page, status: string, { notify }: { notify: boolean }) {
  await page.getByLabel('Move to').selectOption({ label: status });
  if (notify) await page.getByLabel(/Email the candidate about it/).check();
  await page.getByRole('button', { name: 'Update status' }).click();
}

const statusEmails = (id: number) =>
  query(sql`SELECT to_address FROM outbox WHERE application_id = ${id} AND kind = 'status_update'`);

test('a rejection email is shown, kindly worded and editable, and goes only when the admin sends it', async ({
  page,
  admin,
}) => {
  const tag = uniqueTag();
  const { id, email, fullName } = await seedCandidate(tag);
  await admin.signIn(page);
  await page.goto(`/admin/applications/${id}`);

  await moveTo(page, 'Rejected', { notify: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Move ${fullName} to Rejected and email them`);
  // Nothing has changed yet: the status waits for the email.
  expect(await query(sql`SELECT status FROM applications WHERE id = ${id}`)).toEqual([{ status: 'new' }]);
  const text = page.getByLabel('Email', { exact: true });
  await expect(text).toHaveValue(new RegExp(`^Dear ${fullName},`));
  await expect(text).toHaveValue(/we have decided not to take it further for this role/);
  await expect(text).toHaveValue(/Thank you for applying/);

  // Emptied, it is refused with the reason, and still nothing changed.
  await text.fill('   ');
  await page.getByRole('button', { name: 'Move to Rejected and send the email' }).click();
  await expect(page.locator('#message-error')).toContainText('Write the email to the candidate');
  expect(await statusEmails(id)).toEqual([]);
  expect(await query(sql`SELECT status FROM applications WHERE id = ${id}`)).toEqual([{ status: 'new' }]);

  const edited = `Dear Annie,\n\nThank you for your time, ${tag}. We will not take your application further.\n\nBest wishes`;
  await page.getByLabel('Email', { exact: true }).fill(edited);
  await page.getByRole('button', { name: 'Move to Rejected and send the email' }).click();
  await expect(page.getByRole('status')).toHaveText('Status updated. The email to the candidate is on its way.');
  await expect(page.locator('.pipeline__step--current')).toHaveText('Rejected');

  const rejection = await waitForMail(
    email,
    (m) => m.subject === SUBJECT && m.text.includes('Thank you for your time'),
  );
  expect(rejection.text).toContain(`Thank you for your time, ${tag}. We will not take your application further.`);
  expect(rejection.text).not.toContain('we have decided not to take it further'); // the edited text, not the default
  expect(linkIn(rejection)).toMatch(/^\/applications\/open\?token=/);
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Emails' }).getByRole('row').filter({ hasText: 'Status update' }),
  ).toContainText('Sent');
  expect(await query(sql`SELECT detail FROM audit_log WHERE application_id = ${id} AND action = 'mail_sent'`)).toEqual([
    { detail: 'status: rejected' },
  ]);
});

test('without the box ticked, a status change sends nothing to the candidate', async ({ page, admin }) => {
  const { id } = await seedCandidate(uniqueTag());
  await admin.signIn(page);
  await page.goto(`/admin/applications/${id}`);
  await moveTo(page, 'Interview', { notify: false });
  await expect(page.getByRole('status')).toHaveText('Status updated.');
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await statusEmails(id)).toEqual([]);
});

test('an admin erases an application after confirming; the candidate is told, the audit log records it', async ({
  page,
  admin,
}) => {
  const tag = uniqueTag();
  const { id, email, fullName } = await seedCandidate(tag);
  await query(sql`INSERT INTO application_notes (application_id, author_id, body, created_at)
    SELECT ${id}, id, ${`private note ${tag}`}, created_at FROM admin_users WHERE email = ${admin.email}
    RETURNING application_id`);
  await admin.signIn(page);
  await page.goto(`/admin/applications/${id}`);
  await page.getByRole('link', { name: 'erase this application' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Erase the application of ${fullName}?`);
  await page.getByRole('button', { name: 'Erase this application now' }).click();
  await expect(page.getByRole('status')).toHaveText('The application is erased.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erased applicant');
  await expect(page.getByText(/Erased .* what remains is the anonymous record/)).toBeVisible();
  await expect(page.getByText(`private note ${tag}`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Update status' })).toHaveCount(0);
  expect(await query(sql`SELECT 1 FROM application_notes WHERE application_id = ${id}`)).toEqual([]);

  await waitForMail(email, `Erased: your application for ${TITLE}`);
  await page.goto(`/admin?q=${tag}`);
  await expect(page.getByRole('heading', { name: 'No applications' })).toBeVisible();
  const resume = await page.request.get(`/admin/applications/${id}/resume`);
  expect(resume.status()).toBe(404);
  await page.goto('/admin/audit');
  const row = page.getByRole('row').filter({ hasText: admin.email }).filter({ hasText: 'Erased' });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText(tag);
  // The erased application's id stays as the stub: its page answers, with no data.
  expect(await query(sql`SELECT full_name, email, cover_letter FROM applications WHERE id = ${id}`)).toEqual([
    { full_name: 'Erased applicant', email: `erased-${id}@erased.invalid`, cover_letter: null },
  ]);
});
