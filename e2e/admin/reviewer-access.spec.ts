import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { signInAs, teamMember, uniqueTag } from '../fixtures/admin';
import { e2eDb, query, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

// A reviewer of one posting tries every route and action on an application of another: each is refused,
// nothing changes, and the refusals are in the audit log.

async function reviewerOf(postingSlug: string, page: Page): Promise<string> {
  const email = `reviewer-${uniqueTag()}@example.com`;
  const database = await e2eDb();
  const userId = await teamMember({ email, role: 'reviewer' });
  await database.db.insert(database.t.postingMembers).values({ postingSlug, userId, addedAt: new Date() });
  await signInAs(page, email);
  return email;
}

// Without JavaScript, so the forms post exactly what their fields hold once retargeted.
test('a reviewer of another posting reaches nothing of this one, by any route or action', async ({
  noJsPage: page,
}) => {
  const tag = uniqueTag();
  const own = await seedApplication({ fullName: `Own ${tag}`, postingSlug: `own-${tag}`, postingTitle: 'Own posting' });
  const theirs = await seedApplication({
    fullName: `Theirs ${tag}`,
    postingSlug: `theirs-${tag}`,
    postingTitle: 'Theirs',
  });
  const email = await reviewerOf(`own-${tag}`, page);

  for (const path of [
    `/admin/applications/${theirs}`,
    `/admin/applications/${theirs}/resume`,
    `/admin/applications/${theirs}/resume?download=1`,
    `/admin/applications/${theirs}/notify?move=rejected`,
    `/admin/applications/${theirs}/erase`,
    `/admin/applications/${theirs}/resume/preview`,
    `/admin/applications/${theirs}/version`,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of [`/admin/export?ids=${theirs}`, `/admin/export?posting=theirs-${tag}`, `/admin/export?q=${tag}`]) {
    const csv = await (await page.request.get(path)).text();
    expect(csv, path).not.toContain(`Theirs ${tag}`);
  }
  await page.goto(`/admin?q=${tag}`);
  await expect(page.getByRole('link', { name: `Own ${tag}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Theirs ${tag}` })).toHaveCount(0);
  await page.goto(`/admin?posting=theirs-${tag}`);
  await expect(page.getByText('No application matches this view.')).toBeVisible();

  // The forms of their own application's page, pointed at the other one (evaluate runs without page scripts).
  const retarget = async () =>
    page.evaluate((id) => {
      for (const input of document.querySelectorAll<HTMLInputElement>('input[name=id]')) input.value = String(id);
    }, theirs);
  await page.goto(`/admin/applications/${own}`);
  await retarget();
  await page.getByLabel('Move to').selectOption('hired');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.waitForLoadState('networkidle');
  await page.goto(`/admin/applications/${own}`);
  await retarget();
  await page.getByLabel('Add a note').fill(`sneaky ${tag}`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.waitForLoadState('networkidle');
  await page.goto(`/admin/applications/${own}`);
  await retarget();
  await page.getByRole('button', { name: 'Assign' }).click();
  await page.waitForLoadState('networkidle');
  // The inbox's bulk form, with the other application's id in a box.
  await page.goto(`/admin?q=${tag}`);
  await page.evaluate((id) => {
    document.querySelector<HTMLInputElement>('input[name=ids]')!.value = String(id);
  }, theirs);
  await page.getByLabel(`Choose Own ${tag}`).check();
  await page.getByLabel('Move to').selectOption('rejected');
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText(/Moved 0 applications\. 1 could not be/)).toBeVisible();

  const [row] = await query<{ status: string; assignee_id: number | null }>(
    sql`SELECT status, assignee_id FROM applications WHERE id = ${theirs}`,
  );
  expect(row).toEqual({ status: 'new', assignee_id: null });
  expect(await query(sql`SELECT 1 FROM application_notes WHERE application_id = ${theirs}`)).toHaveLength(0);
  expect(await query(sql`SELECT 1 FROM status_changes WHERE application_id = ${theirs}`)).toHaveLength(0);
  const refused = await query<{ detail: string }>(
    sql`SELECT detail FROM audit_log WHERE action = 'access_denied' AND actor_email = ${email} AND application_id = ${theirs}`,
  );
  const details = refused.map((r) => r.detail);
  for (const attempted of [
    'open the application',
    'read the resume',
    'move to hired',
    'add a note',
    'assign the application',
    'move to rejected',
    'read the posting version',
  ])
    expect(details, attempted).toContain(attempted);
});
