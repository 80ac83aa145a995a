import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { PASSWORD, signInAs, signInWithForm, teamMember, uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { query, seedApplication } from '../fixtures/db';
import { waitForMail } from '../fixtures/mailbox';
import { expect, test } from '../fixtures/test';

/** The invitation's one-time link, as a path on the site that sent it. */
async function joinPath(address: string): Promise<string> {
  const mail = await waitForMail(address, /invited you to the hiring team/);
  const match = /https?:\/\/[^\s)]+(\/admin\/join\/[A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no join link in:\n${mail.text}`);
  return match[1]!;
}

/** Chooses a password on the join page: first with `mistyped` as the repeat (refused), then as it should be. */
async function joinAfterATypo(joining: Page, mistyped: string) {
  await joining.getByLabel('Choose a password').fill(PASSWORD);
  await joining.getByLabel('The same password again').fill(mistyped);
  await joining.getByRole('button', { name: 'Join the team' }).click();
  await expect(joining.getByRole('alert').filter({ hasText: 'The two passwords differ' })).toBeVisible();
  await joining.getByLabel('Choose a password').fill(PASSWORD);
  await joining.getByLabel('The same password again').fill(PASSWORD);
  await joining.getByRole('button', { name: 'Join the team' }).click();
  await expect(joining.getByText('Your account is ready')).toBeVisible();
}

test('an owner invites a reviewer by email, who joins, sees only their posting, and loses access when disabled', async ({
  page,
  admin,
  newPage,
}) => {
  // Invitation, email, joining, two sign-ins, three role changes and three axe passes: longer than one flow's
  // default. 72 s in a full run here, 90 s on the clean-clone CI run (where 90 ran out once): twice the usual.
  test.setTimeout(150_000);
  const tag = uniqueTag();
  // Two postings of the content, so the team page lists them.
  const mine = await seedApplication({
    fullName: `Mine ${tag}`,
    postingSlug: 'data-platform-engineer-berlin',
    postingTitle: 'Data Platform Engineer',
  });
  const other = await seedApplication({
    fullName: `Other ${tag}`,
    postingSlug: 'solutions-engineer-new-york',
    postingTitle: 'Solutions Engineer',
  });
  const colleague = `colleague-${tag}@example.com`;

  await admin.signIn(page);
  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  // After a client-side navigation the title follows the page: wait for it, axe checks it.
  await expect(page).toHaveTitle(/^Team/);
  await axeClean(page);
  // The browser takes this for an address; the server does not (no dot in the domain).
  await page.getByLabel('Their email address').fill('someone@localhost');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('Enter an email address, like name@example.com')).toBeVisible();
  await page.getByLabel('Their email address').fill(colleague);
  await page.getByLabel(/^Reviewer/).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  await axeClean(page);

  const link = await joinPath(colleague);

  const joining = await newPage();
  await joining.goto(link);
  await expect(joining.getByText(`You are joining as ${colleague}`)).toBeVisible();
  await axeClean(joining);
  // The browser checks the length itself; the server checks both fields again.
  await joinAfterATypo(joining, `${PASSWORD}!`);
  await joining.goto(link);
  await expect(joining.getByText('This invitation has been used already')).toBeVisible();

  // Put on posting A from the team page: A's application is theirs to see, B's is not there at all.
  await page.reload();
  const postingA = page.getByRole('group', { name: 'Data Platform Engineer' });
  await postingA.getByLabel(colleague).check();
  await postingA.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The posting’s team is saved.')).toBeVisible();

  await signInWithForm(joining, colleague);
  await expect(joining.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expect(joining.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await joining.goto(`/admin?q=${tag}`);
  await expect(joining.getByRole('link', { name: `Mine ${tag}` })).toBeVisible();
  await expect(joining.getByRole('link', { name: `Other ${tag}` })).toHaveCount(0);
  expect((await joining.goto(`/admin/applications/${other}`))!.status()).toBe(404);
  expect((await joining.goto(`/admin/applications/${mine}`))!.status()).toBe(200);

  // The owner makes them a recruiter: every posting; then disables the account: the session ends at once.
  await page.reload();
  await page.getByLabel(`Role of ${colleague}`).selectOption('recruiter');
  await page.getByRole('button', { name: `Change role of ${colleague}` }).click();
  await expect(page.getByText('Role changed.')).toBeVisible();
  expect((await joining.goto(`/admin/applications/${other}`))!.status()).toBe(200);
  await page.getByRole('button', { name: `Disable ${colleague}` }).click();
  await expect(page.getByText('Account disabled; its sessions ended.')).toBeVisible();
  await joining.goto('/admin');
  await expect(joining).toHaveURL(/\/admin\/sign-in$/);

  const audited = await query<{ action: string }>(
    sql`SELECT action FROM audit_log WHERE actor_email = ${admin.email} AND action IN ('invited', 'role_changed', 'account_disabled')`,
  );
  expect(audited.map((row) => row.action).sort()).toEqual(['account_disabled', 'invited', 'role_changed']);
});

test('the last owner cannot demote themselves; a recruiter sees the team but cannot manage accounts', async ({
  page,
  admin,
  newPage,
}) => {
  await admin.signIn(page);
  await page.goto('/admin/team');
  // Other tests' owners exist in the shared database; make the check about this one account.
  const recruiter = `recruiter-${uniqueTag()}@example.com`;
  await teamMember({ email: recruiter, role: 'recruiter' });
  const other = await newPage();
  await signInAs(other, recruiter);
  await other.goto('/admin/team');
  await expect(other.getByRole('heading', { level: 2, name: 'Invite a colleague' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: /^Change role/ })).toHaveCount(0);
  await expect(other.getByRole('heading', { level: 2, name: 'Who reviews each posting' })).toBeVisible();
  await other.goto('/admin/audit');
  await expect(other.getByText('Only owners read the audit log.')).toBeVisible();
});

test('a join link that is unknown or cut short says so, with no form', async ({ page }) => {
  for (const token of ['x'.repeat(43), 'short', '%00%2F..']) {
    const response = await page.goto(`/admin/join/${token}`);
    expect(response!.status()).toBe(200);
    await expect(page.getByText('This link is not a valid invitation')).toBeVisible();
    await expect(page.getByLabel('Choose a password')).toHaveCount(0);
  }
});

test('without JavaScript: invite, join and sign in', async ({ noJsPage: page, admin, newPage }) => {
  const tag = uniqueTag();
  const colleague = `nojs-${tag}@example.com`;
  await admin.signIn(page);
  await page.goto('/admin/team');
  await page.getByLabel('Their email address').fill(colleague);
  await page.getByLabel(/^Recruiter/).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  const link = await joinPath(colleague);
  const joining = await newPage({ javaScriptEnabled: false });
  await joining.goto(link);
  await joinAfterATypo(joining, `${PASSWORD} typo`);
  await signInWithForm(joining, colleague);
});
