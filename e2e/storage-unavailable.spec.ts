import { fillApplication, pdf, SEED, sendButton, uniqueEmail } from './fixtures/apply';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// When the site cannot store an application (the hourly quota of resume bytes is used up, or the database
// cannot grow because the disk is full), the candidate is told plainly, the failure is logged, and nothing
// of the application is half stored.

const UNAVAILABLE = 'We could not store your application, so nothing was kept';

for (const [name, offset, env, first, second] of [
  // 60 KB an hour: a 30 KB resume fits, a second one of 40 KB does not.
  ['quota', 14, { RESUME_QUOTA_MB_PER_HOUR: String(60 / 1024) }, 30 * 1024, 40 * 1024],
  // A database capped at 1 MB: a small application fits, a 2 MB resume cannot be written.
  ['full', 15, { DATABASE_MAX_SIZE_MB: '1' }, 1024, 2 * 1024 * 1024],
] as const) {
  test.describe(`storage unavailable (${name})`, () => {
    test.describe.configure({ mode: 'serial' });
    let server: ExtraServer;
    test.beforeAll(async () => {
      server = await startExtraServer(`storage-${name}`, offset, env);
    });
    test.afterAll(async () => server?.stop());

    test('the candidate is told, the failure is logged, nothing is half stored', async ({ noJsPage: page }) => {
      const apply = async (size: number) => {
        await page.goto(`${server.origin}${SEED}`);
        await fillApplication(page, {
          fullName: 'Quota Candidate',
          email: uniqueEmail(name),
          resume: pdf('cv.pdf', size),
          consent: true,
        });
        await sendButton(page).click();
      };
      await apply(first);
      await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
      await apply(second);
      await expect(page.locator('.error-summary')).toContainText(UNAVAILABLE);
      await expect(page.getByLabel('Full name')).toHaveValue('Quota Candidate');
      expect(server.log()).toContain('[apply] could not store an application');
      const sqlite = server.database.sqlite!;
      const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('applications')).toBe(1);
      expect(count('resumes')).toBe(1);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });
}
