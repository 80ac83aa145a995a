import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { uniqueTag } from '../fixtures/admin';
import { enhanceForm, fillApplication, pdf, SEED, sendButton, uniqueEmail } from '../fixtures/apply';
import { axeClean } from '../fixtures/axe';
import { applicationsOf, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

async function applyOn(page: Page, fullName: string, email: string, js: boolean) {
  if (js) await enhanceForm(page);
  await fillApplication(page, { fullName, email, resume: pdf(), consent: true });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  const [row] = await applicationsOf(email);
  expect(row, email).toBeTruthy();
  return row!.id;
}

test('where candidates come from, with and without JavaScript: detail, inbox filter, dashboard, the version they read', async ({
  page,
  noJsPage,
  newPage,
  admin,
}) => {
  test.setTimeout(90_000);
  const tag = uniqueTag();
  const names = { newsletter: `Nora ${tag}`, linkedin: `Lin ${tag}`, blog: `Bea ${tag}` };

  // Without JavaScript: the server reads utm_* from the Referer of the form's own POST.
  await noJsPage.goto(`${SEED}?utm_source=newsletter-${tag}&utm_campaign=spring`);
  const newsletterId = await applyOn(noJsPage, names.newsletter, uniqueEmail('nojs-src'), false);

  // With JavaScript, arriving from another site: ?src= wins over the referring site, which is kept as its origin.
  const linkedinPage = await newPage();
  await linkedinPage.goto(`${SEED}?src=LinkedIn-${tag}`, { referer: 'https://www.linkedin.com/feed/?user=jane' });
  const linkedinId = await applyOn(linkedinPage, names.linkedin, uniqueEmail('js-src'), true);

  // With JavaScript and no tag: the referring site is the source.
  const blogPage = await newPage();
  await blogPage.goto(SEED, { referer: `https://blog-${tag}.example/posts/1?reader=jane` });
  const blogId = await applyOn(blogPage, names.blog, uniqueEmail('js-ref'), true);

  await admin.signIn(page);
  const sourceOf = async (id: number) => {
    await page.goto(`/admin/applications/${id}`);
    return page.locator('dt', { hasText: /^Source$/ }).locator('xpath=following-sibling::dd[1]');
  };
  await expect(await sourceOf(newsletterId)).toHaveText(`newsletter-${tag} (campaign: spring)`);
  await expect(await sourceOf(blogId)).toHaveText(`blog-${tag}.example (referred by https://blog-${tag}.example)`);
  await expect(await sourceOf(linkedinId)).toHaveText(`linkedin-${tag} (referred by https://www.linkedin.com)`);
  await axeClean(page, { exclude: 'iframe' });

  // The version the candidate applied to, rendered from what was stored (shared sections written out).
  await page.getByRole('link', { name: /^Applied to the version of \d/ }).click();
  await expect(page).toHaveURL(`/admin/applications/${linkedinId}/version`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`The posting as ${names.linkedin} read it`);
  await expect(page.getByRole('note')).toContainText('An archived version, from');
  await expect(page.getByRole('heading', { level: 2, name: 'Senior Backend Engineer (Remote)' })).toBeVisible();
  await expect(page.getByText('We have built a marketplace that allows buyers and sellers')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Write clearly: most of our decisions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The Team' })).toBeVisible();
  await expect(page.locator('form')).toHaveCount(1); // the sign-out form of the layout only: no application form
  await axeClean(page);

  // The inbox filters by source: exactly the application from that source.
  await page.goto('/admin');
  await page.getByLabel('Source').selectOption(`newsletter-${tag}`);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`source=newsletter-${tag}`));
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(names.newsletter);
  await page.goto(`/admin?source=linkedin-${tag}`);
  await expect(page.getByLabel('Source')).toHaveValue(`linkedin-${tag}`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(names.linkedin);
  await axeClean(page);
  const csv = await (await page.request.get(`/admin/export?source=blog-${tag}.example`)).text();
  expect(csv.split('\r\n')[0]).toContain('"Source","Medium","Campaign","Referring site"');
  expect(csv).toContain(`"blog-${tag}.example","","","https://blog-${tag}.example"`);

  // The dashboard counts applications (and hires) per source.
  await page.goto('/admin/dashboard');
  const perSource = page.getByRole('figure', { name: 'Applications and hires per source' });
  await perSource.getByText('Show the numbers').click();
  for (const source of [`newsletter-${tag}`, `linkedin-${tag}`, `blog-${tag}.example`]) {
    // Applications, hires, and the share hired: the source's name may hold a 1 of its own.
    await expect(perSource.getByRole('row', { name: source }).getByRole('cell')).toHaveText(['1', '0', '0 %']);
  }
  await axeClean(page);
});

test('a stored version that no longer compiles is shown as its text, not an error', async ({ page, admin }) => {
  const body = 'Before the change <Unclosed component {\n\nThe rest of the posting.';
  const id = await seedApplication({
    fullName: `Old version ${uniqueTag()}`,
    version: {
      hash: crypto.createHash('sha256').update(`${body}${crypto.randomUUID()}`).digest('hex'),
      postingSlug: 'senior-backend-engineer-remote',
      frontMatter: { title: 'Senior Backend Engineer (Remote)' },
      body,
    },
  });
  await admin.signIn(page);
  const response = await page.goto(`/admin/applications/${id}/version`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('This version no longer renders with the site as it is now')).toBeVisible();
  await expect(page.locator('pre')).toContainText('The rest of the posting.');
});
