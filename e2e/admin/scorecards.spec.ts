import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, type Page } from '@playwright/test';
import { signInAs, teamMember, uniqueTag } from '../fixtures/admin';
import { e2eDb, seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

// Scorecards on the application page: two reviewers of the posting rate one application, blind until each has
// submitted; the inbox and the export show the count and the mean. With JavaScript and without.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// content/postings/product-designer-remote.mdx has its own `scorecard:`.
const POSTING = 'product-designer-remote';
const ATTRIBUTES = ['Portfolio', 'Research', 'Accessibility', 'Writing'];

/** A reviewer on the posting, as the team page would put them there. */
async function reviewer(tag: string, name: string) {
  const email = `${name}-${tag}@example.com`;
  const database = await e2eDb();
  const userId = await teamMember({ email, role: 'reviewer' });
  await database.db.insert(database.t.postingMembers).values({ postingSlug: POSTING, userId, addedAt: new Date() });
  return email;
}

const signIn = signInAs;

async function rate(page: Page, ratings: string[], overall: string, note: string) {
  const section = page.locator('#scorecard');
  for (const [i, attribute] of ATTRIBUTES.entries()) {
    await section.getByRole('group', { name: attribute }).getByLabel(ratings[i]!, { exact: true }).check();
  }
  await section.getByRole('group', { name: 'Overall recommendation' }).getByLabel(overall, { exact: true }).check();
  await section.getByLabel('Note').fill(note);
  await section.getByRole('button', { name: /my scorecard/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scorecard saved.' })).toBeVisible();
}

async function axeClean(page: Page) {
  // As in team.spec.ts: right after an action the page can be without its <title> for a moment.
  await expect(page).toHaveTitle(/\S/);
  const result = await new AxeBuilder({ page }).withTags(WCAG).exclude('iframe').analyze();
  baseExpect(result.violations).toEqual([]);
}

/** axe needs JavaScript: audit the page the server sent without it, scripts removed, in a normal tab. */
async function axeCleanWithoutJs(noJs: Page, page: Page) {
  const html = (await noJs.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const url = noJs.url();
  await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto(url);
  await axeClean(page);
  await page.unroute(url);
}

/** The inbox row's Scorecards and Mean overall cells. */
async function inboxCells(page: Page, tag: string, fullName: string) {
  await page.goto(`/admin?q=${tag}`);
  const row = page.getByRole('row').filter({ hasText: fullName });
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const cells = row.getByRole('cell');
  const column = (name: string) => headers.findIndex((h) => h.startsWith(name)) - 1; // the name is the row header
  return [await cells.nth(column('Scorecards')).innerText(), await cells.nth(column('Mean overall')).innerText()];
}

test('two reviewers rate one application, each blind until their own is in; the inbox and export show count and mean', async ({
  page,
  newPage,
  admin,
}) => {
  // Three people sign in and two cards go in, each checked from both sides: longer than one flow's default.
  test.setTimeout(90_000);
  const tag = uniqueTag();
  const fullName = `Susan Kare ${tag}`;
  const id = await seedApplication({ fullName, postingSlug: POSTING, postingTitle: 'Product Designer' });
  const [first, second] = [await reviewer(tag, 'first'), await reviewer(tag, 'second')];

  await signIn(page, first);
  await page.goto(`/admin/applications/${id}`);
  const section = page.locator('#scorecard');
  await expect(section).toContainText('No colleague has submitted; yours first, then you see theirs.');
  await axeClean(page);
  // The triage key `s` lands on the card's first choice.
  await page.keyboard.press('s');
  await expect(section.getByRole('group', { name: 'Portfolio' }).getByLabel('Strong no')).toBeFocused();

  // Nothing chosen: the browser says what is missing, field by field, and nothing is sent.
  await section.getByRole('group', { name: 'Portfolio' }).getByLabel('Yes', { exact: true }).check();
  await section.getByRole('button', { name: 'Submit my scorecard' }).click();
  const summary = section.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Rate Research');
  await expect(summary).toContainText('Choose an overall recommendation, or No decision');
  await expect(summary).not.toContainText('Rate Portfolio');
  await expect(section.getByRole('group', { name: 'Writing' })).toContainText('Error: Rate Writing');
  await axeClean(page);
  await rate(page, ['Yes', 'Strong yes', 'Yes', 'No'], 'Yes', `Careful portfolio ${tag}`);
  await expect(section).toContainText('No colleague has submitted a scorecard yet.');

  const other = await newPage();
  await signIn(other, second);
  expect(await inboxCells(other, tag, fullName)).toEqual(['1', expect.stringContaining('after yours')]);
  await other.goto(`/admin/applications/${id}`);
  const theirs = other.locator('#scorecard');
  await expect(theirs).toContainText('1 colleague has submitted; yours first, then you see theirs.');
  await expect(theirs).not.toContainText(`Careful portfolio ${tag}`);
  await rate(other, ['Strong yes', 'Yes', 'Strong yes', 'Yes'], 'Strong yes', 'Would hire.');
  const firstCard = theirs.getByRole('article', { name: `Scorecard by ${first}` });
  await expect(firstCard).toContainText(`Careful portfolio ${tag}`);
  await expect(firstCard).toContainText(/Research\s*Strong yes/);
  await expect(firstCard).toContainText(/Overall\s*Yes/);
  await axeClean(other);
  expect(await inboxCells(other, tag, fullName)).toEqual(['2', '3.5']);

  // The first sees the second's card now; the owner sees the same figures without rating.
  await page.reload();
  await expect(section.getByRole('article', { name: `Scorecard by ${second}` })).toContainText('Would hire.');
  const owner = await newPage();
  await admin.signIn(owner);
  expect(await inboxCells(owner, tag, fullName)).toEqual(['2', '3.5']);
  const csv = (await (await owner.request.get(`/admin/export?q=${tag}`)).text()).trimEnd().split('\r\n');
  const header = csv[0]!.split('","');
  const cells = csv[1]!.split('","');
  expect(cells[header.indexOf('Scorecards')]).toBe('2');
  expect(cells[header.indexOf('Mean overall')]).toBe('3.5');
});

test('without JavaScript: the server says what is missing, keeps what was chosen, then saves', async ({
  noJsPage: page,
  page: auditor,
}) => {
  const tag = uniqueTag();
  const id = await seedApplication({
    fullName: `Ivan Sutherland ${tag}`,
    postingSlug: POSTING,
    postingTitle: 'Product Designer',
  });
  await signIn(page, await reviewer(tag, 'nojs'));
  await page.goto(`/admin/applications/${id}?q=${tag}`);
  const section = page.locator('#scorecard');
  await section.getByRole('group', { name: 'Portfolio' }).getByLabel('Strong no', { exact: true }).check();
  await section.getByRole('group', { name: 'Overall recommendation' }).getByLabel('No decision').check();
  await section.getByRole('button', { name: 'Submit my scorecard' }).click();
  await expect(section.locator('.error-summary')).toBeFocused();
  await expect(section.locator('.error-summary')).toContainText('Rate Accessibility');
  await expect(section.getByRole('group', { name: 'Research' })).toContainText('Error: Rate Research');
  await expect(
    section.getByRole('group', { name: 'Portfolio' }).getByLabel('Strong no', { exact: true }),
  ).toBeChecked();
  await expect(section.getByRole('group', { name: 'Overall recommendation' }).getByLabel('No decision')).toBeChecked();
  await axeCleanWithoutJs(page, auditor);

  await rate(page, ['Strong no', 'No', 'No', 'Yes'], 'No decision', 'Not for this role.');
  await expect(page).toHaveURL(new RegExp(`/admin/applications/${id}\\?q=${tag}&saved=scorecard`));
  await expect(section.getByRole('group', { name: 'Research' }).getByLabel('No', { exact: true })).toBeChecked();
  await expect(section.getByRole('button', { name: 'Update my scorecard' })).toBeVisible();
  await axeCleanWithoutJs(page, auditor);
});
