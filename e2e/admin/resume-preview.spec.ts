import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Page } from '@playwright/test';
import { RESUME_MEDIA_TYPES } from '@/features/resumes/sniff';
import { docx } from '@/test-support/docx';
import { minimalPdf, passwordPdf, scriptedPdf, textPdf } from '@/test-support/pdf';
import { SEED } from '../fixtures/apply';
import { axeViolations } from '../fixtures/axe';
import { seedApplication } from '../fixtures/db';
import { expect, test } from '../fixtures/test';

const seedResume = (fullName: string, kind: 'pdf' | 'docx', bytes: Buffer) =>
  seedApplication({
    fullName,
    resume: { fileName: `cv.${kind}`, mediaType: RESUME_MEDIA_TYPES[kind], bytes },
  });

/** A local server that counts every request: what a hostile resume would call if anything of it ran. */
async function countingServer() {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('counted');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Connections a page kept open are closed first, so closing never waits on them.
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { origin, hits, close };
}

/** An application's page, scrolled to its PDF preview, which starts only when it comes near the screen. */
async function openApplication(page: Page, id: number) {
  await page.goto(`/admin/applications/${id}`);
  const preview = page.locator('.resume-preview');
  if (await preview.count()) {
    await preview.scrollIntoViewIfNeeded();
    await expect(page.getByText('The preview opens when you scroll to it.')).toHaveCount(0);
  }
}

/** The PDF preview frame (sandboxed, opaque origin), as Playwright sees it. */
async function viewerFrame(page: Page) {
  // A frame being created has no URL yet (''), so match the text rather than parse it.
  const find = () => page.frames().find((f) => /^https?:\/\/[^/]+\/resume-viewer(?:[?#]|$)/.test(f.url()));
  await expect.poll(() => find() !== undefined, { message: 'a preview frame on the page' }).toBe(true);
  return find()!;
}

test('a PDF resume shows in the page: its text selectable, pages and zoom by button and keyboard', async ({
  page,
  admin,
}) => {
  const id = await seedResume(
    'Ada Preview',
    'pdf',
    textPdf(['Ada Lovelace\nAnalytical Engine programmer', 'Second page: Bernoulli numbers']),
  );
  await admin.signIn(page);
  await openApplication(page, id);
  const status = page.locator('[aria-live="polite"]', { hasText: /^(Page|Loading)/ });
  await expect(status).toHaveText(/^Page 1 of 2, zoom \d+%$/);
  const frame = await viewerFrame(page);
  await expect(frame.locator('.textLayer')).toContainText('Ada Lovelace');
  await expect(frame.locator('.textLayer')).toContainText('Analytical Engine programmer');
  // The text layer is real text: selecting it gives the PDF's words.
  const selected = await frame.evaluate(() => {
    const selection = window.getSelection()!;
    selection.selectAllChildren(document.querySelector('.textLayer')!);
    return selection.toString();
  });
  expect(selected).toContain('Ada Lovelace');

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(status).toHaveText(/^Page 2 of 2,/);
  await expect(frame.locator('.textLayer')).toContainText('Bernoulli numbers');
  await expect(frame.locator('.textLayer')).not.toContainText('Ada Lovelace');
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');

  // By keyboard: focus and Enter.
  await page.getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^Page 1 of 2,/);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeFocused();

  const zoomOf = async () => Number(/zoom (\d+)%/.exec((await status.textContent()) ?? '')?.[1]);
  const widthOf = () => frame.locator('#sheet canvas').evaluate((canvas) => canvas.getBoundingClientRect().width);
  await expect(page.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');
  const fitted = await zoomOf();
  const fittedWidth = await widthOf();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(zoomOf).toBeGreaterThan(fitted);
  await expect.poll(widthOf).toBeGreaterThan(fittedWidth);
  await expect(page.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(zoomOf).toBeLessThan(fitted);
  await expect.poll(widthOf).toBeLessThan(fittedWidth);
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(zoomOf).toBe(fitted);
  await expect(frame.locator('.textLayer')).toContainText('Ada Lovelace');

  // The download is still there, and the page with its preview passes axe (the frame included).
  await expect(page.getByRole('link', { name: 'Download cv.pdf' })).toBeVisible();
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
});

test('a PDF carrying JavaScript and a DOCX carrying a script and a remote image run and load nothing', async ({
  page,
  admin,
}) => {
  const counter = await countingServer();
  try {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pdfId = await seedResume('Scripted Pdf', 'pdf', scriptedPdf(`${counter.origin}/pdf-script`));
    const docxId = await seedResume(
      'Scripted Docx',
      'docx',
      docx({
        paragraphs: [
          'Grace Hopper',
          `<script>fetch("${counter.origin}/docx-script")</script>`,
          `<img src="${counter.origin}/docx-img-tag" onerror="alert('docx')">`,
        ],
        remoteImage: `${counter.origin}/docx-remote-image.png`,
        embeddedImage: true,
        link: { text: 'my site', url: `${counter.origin}/docx-link` },
      }),
    );
    await admin.signIn(page);

    await openApplication(page, pdfId);
    const frame = await viewerFrame(page);
    await expect(frame.locator('.textLayer')).toContainText('A resume with a script in it');
    // Clicking where the PDF's link annotation lies follows nothing: only the text layer is drawn.
    await frame.locator('#sheet').click();

    await openApplication(page, docxId);
    const resume = page.frameLocator('iframe[title="Resume of Scripted Docx"]');
    await expect(resume.getByText('Grace Hopper')).toBeVisible();
    await expect(resume.getByText(`<script>fetch("${counter.origin}/docx-script")</script>`)).toBeVisible();
    await expect(resume.getByText('my site')).toBeVisible();
    await expect(resume.locator('img')).toHaveCount(1);
    await expect(resume.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await resume.getByText('my site').click();
    const preview = await page.request.get(`/admin/applications/${docxId}/resume/preview`);
    expect(preview.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'; img-src data:;/);

    // Time for anything that was going to run to have run.
    await page.waitForTimeout(1_000);
    expect(dialogs).toEqual([]);
    expect(counter.hits).toEqual([]);
  } finally {
    await counter.close();
  }
});

test('a damaged or password-protected PDF says so in place of the preview; the download stays', async ({
  page,
  admin,
}) => {
  const damaged = await seedResume('Damaged Pdf', 'pdf', minimalPdf('damaged'));
  const locked = await seedResume('Locked Pdf', 'pdf', passwordPdf());
  const unreadable = await seedResume('Unreadable Docx', 'docx', docx({ paragraphs: ['x'] }).subarray(0, 200));
  await admin.signIn(page);
  await openApplication(page, damaged);
  const problem = page.getByRole('alert').filter({ hasText: /PDF/ });
  await expect(problem).toHaveText(/could not be read for the preview.*Download it to read it/);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Download cv.pdf' })).toBeVisible();
  await openApplication(page, locked);
  await expect(problem).toHaveText(/protected by a password/);
  await expect(page.getByRole('link', { name: 'Download cv.pdf' })).toBeVisible();
  await openApplication(page, unreadable);
  const resume = page.frameLocator('iframe[title="Resume of Unreadable Docx"]');
  await expect(resume.getByText('This Word document could not be read for the preview')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download cv.docx' })).toBeVisible();
});

test('pdf.js is served from a fixed list, to any origin, cached for good; the viewer is sandboxed', async ({
  page,
  request,
}) => {
  const viewer = await request.get('/resume-viewer');
  const policy = viewer.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/^sandbox allow-scripts; default-src 'none';/);
  expect(policy).toContain("frame-ancestors 'self'");
  const script = /src="([^"]+frame\.mjs)"/.exec(await viewer.text())![1]!;
  const base = script.replace(/frame\.mjs$/, '');
  for (const file of ['frame.mjs', 'pdf.min.mjs', 'pdf.worker.min.mjs']) {
    const response = await request.get(`${base}${file}`);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(response.headers()['cache-control']).toContain('immutable');
    expect(response.headers()['content-type']).toMatch(/^text\/javascript/);
  }
  const font = await request.get(`${base}standard_fonts/LiberationSans-Regular.ttf`);
  expect(font.status()).toBe(200);
  for (const path of [
    `${base}../package.json`,
    `${base}build%2Fpdf.mjs`,
    `${base}pdf.mjs`,
    // In pdf.js's fonts folder, but not a font: not on the list.
    `${base}standard_fonts/LICENSE_FOXIT`,
    '/resume-viewer/0.0.0-000000000000/pdf.min.mjs',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  // Nothing of pdf.js reaches the public pages.
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await page.goto(SEED);
  expect(loaded.length).toBeGreaterThan(1);
  expect(loaded.filter((url) => /resume-viewer|pdf\.(min|worker)/.test(url))).toEqual([]);
  // Nor bundled into the page's own scripts (pdf.js's API object names itself).
  for (const url of loaded.filter((u) => u.endsWith('.js'))) {
    expect(await (await request.get(url)).text(), url).not.toContain('GlobalWorkerOptions');
  }
});
