import { uniqueTag } from '../fixtures/admin';
import { axeClean } from '../fixtures/axe';
import { seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

test('the inbox by keyboard: j and k move a visible cursor, x chooses (the bulk bar appears), o and Enter open', async ({
  page,
  admin,
}) => {
  const tag = uniqueTag();
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) ids.push(await seedApplication({ fullName: `Key ${i} ${tag}` }));
  await admin.signIn(page);
  await page.goto(`/admin?q=${tag}`);
  // The hint shows once the list's script listens; nothing is chosen, so the bar is out of the way.
  await expect(page.getByText('Keys: j k move')).toBeVisible();
  const bar = page.getByRole('group', { name: 'With the chosen applications' });
  await expect(bar).toBeHidden();
  // Newest first: Key 2, Key 1, Key 0.
  const row = (i: number) => page.getByRole('row', { name: new RegExp(`Key ${i} ${tag}`) });
  const cursor = page.locator('tbody tr[aria-current="true"]');

  await page.keyboard.press('j');
  await expect(cursor).toHaveCount(1);
  await expect(row(2)).toHaveAttribute('aria-current', 'true');
  await expect(row(2).getByRole('link')).toBeFocused();
  await page.keyboard.press('j');
  await expect(row(1)).toHaveAttribute('aria-current', 'true');
  await expect(row(2)).not.toHaveAttribute('aria-current', 'true');
  await expect(row(1).getByRole('link')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(row(1)).toHaveAttribute('aria-current', 'true');
  await expect(cursor).toHaveCount(1);

  // x ticks the row's box; the bar appears with the count, and goes when nothing is chosen again.
  await page.keyboard.press('x');
  await expect(row(1).getByRole('checkbox')).toBeChecked();
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('1 chosen');
  await page.keyboard.press('k');
  await page.keyboard.press('x');
  await expect(row(2).getByRole('checkbox')).toBeChecked();
  await expect(bar).toContainText('2 chosen');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(row(1).getByRole('checkbox')).not.toBeChecked();
  await expect(bar).toBeHidden();
  await page.keyboard.press('x');
  await expect(bar).toBeVisible();
  await axeClean(page);

  // Typing in the search box is typing: no key moves, chooses or opens.
  const search = page.getByLabel('Search');
  await search.fill('');
  await search.pressSequentially('jkxo?');
  await expect(search).toHaveValue('jkxo?');
  await search.press('Escape');
  await expect(row(1)).toHaveAttribute('aria-current', 'true');
  await expect(row(0).getByRole('checkbox')).not.toBeChecked();
  await expect(page).toHaveURL(new RegExp(`/admin\\?q=${tag}$`));

  // ? lists the keys; Escape closes the list.
  await search.blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keys on this list' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Open the application').first()).toBeVisible();
  await axeClean(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // o opens the row under the cursor; Enter from the list does too.
  await page.keyboard.press('j');
  await expect(row(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`/admin/applications/${ids[0]}\\?q=${tag}$`));
  await page.goBack();
  await expect(page.getByText('Keys: j k move')).toBeVisible();
  // Wherever the cursor was, three k reach the top and j the second row.
  for (const key of ['k', 'k', 'k', 'j']) await page.keyboard.press(key);
  await expect(row(1)).toHaveAttribute('aria-current', 'true');
  // Enter from outside any link: the list's own Enter opens the row the cursor marks.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(row(1).getByRole('link')).not.toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/admin/applications/${ids[1]}\\?q=${tag}$`));
});

test('the keys can be turned off (speech input types letters), and stay off in this browser until turned on', async ({
  page,
  admin,
}) => {
  const tag = uniqueTag();
  for (let i = 0; i < 2; i++) await seedApplication({ fullName: `Off ${i} ${tag}` });
  await admin.signIn(page);
  await page.goto(`/admin?q=${tag}`);
  await expect(page.getByText('Keys: j k move')).toBeVisible();
  const cursor = page.locator('tbody tr[aria-current="true"]');
  const live = page.locator('.triage-hint + [aria-live]');
  // At the end of the list, j says so each time it is pressed, not only the first.
  for (const key of ['j', 'j', 'j']) await page.keyboard.press(key);
  await expect(live).toHaveText('This is the last application on this page.');
  const said = await live.textContent();
  await page.keyboard.press('j');
  // New words for the page (a no-break space after them), so a screen reader reads them again.
  await expect.poll(() => live.evaluate((el) => el.textContent)).toBe(`${said}\u00a0`);

  await page.getByRole('button', { name: 'all keys' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keys on this list' });
  await dialog.getByLabel('Use these keys').uncheck();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.getByText('Keys: j k move')).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  await expect(cursor).toHaveCount(0);
  await expect(dialog).toBeHidden();
  // The application page's keys follow the same switch.
  await page.getByRole('link', { name: `Off 1 ${tag}` }).click();
  await expect(page.getByText('Keys: j next')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Off 1 ${tag}`);
  await page.goBack();

  await page.getByRole('button', { name: 'all keys' }).click();
  await expect(dialog.getByLabel('Use these keys')).not.toBeChecked();
  await dialog.getByLabel('Use these keys').check();
  await axeClean(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('j');
  await expect(cursor).toHaveCount(1);
});

test('without JavaScript the bulk bar stays in view and works', async ({ noJsPage: page, admin }) => {
  const tag = uniqueTag();
  for (let i = 0; i < 2; i++) await seedApplication({ fullName: `NoJs ${i} ${tag}` });
  await admin.signIn(page);
  await page.goto(`/admin?q=${tag}`);
  await expect(page.getByText('Keys: j k move')).toBeHidden();
  await expect(page.getByRole('group', { name: 'With the chosen applications' })).toBeVisible();
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText('Choose at least one application first')).toBeVisible();
  await page.getByLabel(`Choose NoJs 1 ${tag}`).check();
  await page.getByLabel('Move to').selectOption('interview');
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText('Moved 1 application.')).toBeVisible();
});
