import { sql } from 'drizzle-orm';
import { query, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

test('every admin page sends a signed-out visitor to sign in', async ({ page }) => {
  const id = await seedApplication({ fullName: 'Private Person' });
  for (const path of [
    '/admin',
    '/admin/dashboard',
    '/admin/audit',
    '/admin/team',
    `/admin/applications/${id}`,
    `/admin/applications/${id}/version`,
    '/admin?q=Private',
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await expect(page.getByText('Private Person')).toHaveCount(0);
  }
});

test('resume download, resume preview and CSV export refuse without a session', async ({ request }) => {
  const id = await seedApplication({ fullName: 'Private Person' });
  for (const path of [
    `/admin/applications/${id}/resume`,
    `/admin/applications/${id}/resume?download=1`,
    `/admin/applications/${id}/resume/preview`,
    '/admin/export',
    '/admin/export?q=Private',
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    // The refusal too is never sniffed into something else.
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    const body = await response.text();
    expect(body).not.toContain('%PDF');
    expect(body).not.toContain('Private Person');
  }
  expect(await query(sql`SELECT 1 FROM audit_log WHERE application_id = ${id}`)).toHaveLength(0);
});

test('server actions called directly without a session change nothing', async ({ page, admin, request: anonymous }) => {
  const id = await seedApplication({ fullName: 'Action Target' });
  await admin.signIn(page);
  await page.goto(`/admin/applications/${id}`);
  // The action ids a signed-in page exposes; a signed-out attacker could learn them the same way.
  const actionFields = await page
    .locator('form input[type="hidden"][name^="$ACTION_ID_"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name));
  // Status, assignment and note (the scorecard's form is the client's and named by reference).
  expect(actionFields.length).toBe(3);

  // `request` shares no cookies with the signed-in page.
  for (const actionField of actionFields) {
    const response = await anonymous.post(`/admin/applications/${id}`, {
      multipart: {
        [actionField]: '',
        id: String(id),
        status: 'hired',
        body: 'Injected note',
        assignee: '1',
        view: '',
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    expect(new URL(response.headers()['location'] ?? '/', 'http://x').pathname).toBe('/admin/sign-in');
  }

  expect(await query(sql`SELECT status, assignee_id FROM applications WHERE id = ${id}`)).toEqual([
    { status: 'new', assignee_id: null },
  ]);
  expect(await query(sql`SELECT 1 FROM status_changes WHERE application_id = ${id}`)).toHaveLength(0);
  expect(await query(sql`SELECT 1 FROM application_notes WHERE application_id = ${id}`)).toHaveLength(0);

  // Control: the very same request with a session does change the status, so the refusal above was real.
  const statusField = actionFields[0]!;
  await page.request.post(`/admin/applications/${id}`, {
    multipart: { [statusField]: '', id: String(id), status: 'hired', view: '' },
    maxRedirects: 0,
  });
  expect(await query(sql`SELECT status FROM applications WHERE id = ${id}`)).toEqual([{ status: 'hired' }]);
});
