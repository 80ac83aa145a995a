import http from 'node:http';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { axeClean } from './fixtures/axe';
import { E2E_EMBED_HOST, E2E_PORT } from './fixtures/env';
import { expect, test } from './fixtures/test';

// The company's own website, another origin on loopback, showing the open positions with the README's snippets.
// Its port is fixed (the careers site's EMBED_ORIGINS names it), so these tests run one after the other.
test.describe.configure({ mode: 'serial' });

const SITE = `http://127.0.0.1:${E2E_PORT}`;
/** Where no careers site answers: the site stopped. */
const DOWN = `http://127.0.0.1:${E2E_PORT + 61}`;
/** The same host page from an origin EMBED_ORIGINS does not list (localhost is not 127.0.0.1). */
const UNLISTED = E2E_EMBED_HOST.replace('127.0.0.1', 'localhost');
const OPEN = ['Data Platform Engineer', 'Product Designer', 'Senior Backend Engineer (Remote)'];

// The host's own styles aim at the embed's class names and at every link: none of it may reach inside, and the
// embed's styles may not reach the host's element that shares a class name with it. `late`: the script is added
// once the frame has loaded (an async script can run either side of it).
const hostPage = (site: string, late = false) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example Ltd</title>
<style>body{font-family:Georgia,serif;margin:2rem}a{color:rgb(160,0,0)}.cj-title{color:rgb(0,128,0);font-size:40px}</style></head>
<body><main><h1>Example Ltd</h1><p class="cj-meta">Our own paragraph.</p>
<h2>Work with us</h2>
<div data-careers-jobs data-heading-level="3" style="--careers-jobs-link: rgb(110, 0, 110)"><a href="${site}/careers">See our open positions</a></div>
${late ? '' : `<script src="${site}/embed/v1/jobs.js" async></script>`}
<h2>The same, in a frame</h2>
<iframe src="${site}/embed/v1/jobs" title="Open positions" style="width:100%;border:0;height:120px"
${late ? `onload="setTimeout(() => document.body.append(Object.assign(document.createElement('script'), { src: '${site}/embed/v1/jobs.js' })), 300)"` : ''}></iframe>
</main></body></html>`;

let host: http.Server;
test.beforeAll(async () => {
  host = http.createServer((request, response) => {
    const site = request.url === '/down' ? DOWN : SITE;
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(hostPage(site, request.url === '/late'));
  });
  // Every address of the machine's loopback, so both 127.0.0.1 and localhost reach it.
  await new Promise<void>((resolve) => host.listen(E2E_PORT + 60, resolve));
});
test.afterAll(async () => {
  host.closeAllConnections();
  await new Promise((resolve) => host.close(resolve));
});

const widget = (page: Page) => page.locator('[data-careers-jobs]');

test('one line of script shows the open positions on another site, filterable, in styles of its own', async ({
  page,
}) => {
  await page.goto(`${E2E_EMBED_HOST}/`);
  const list = widget(page);
  await expect(list.getByRole('status')).toHaveText('3 open positions');
  expect((await list.locator('.cj-title').allTextContents()).sort()).toEqual(OPEN);
  // Under the host's own h2, as its placeholder asked.
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(['Design', 'Open Positions']);
  await expect(list.getByText('Berlin, Germany · Full time')).toBeVisible();
  await expect(list.getByText('Europe · Remote · Full time')).toBeVisible();

  // Themed by the custom property on the placeholder; the host's rules for `a` and `.cj-title` stay outside.
  const title = list.getByRole('link', { name: 'Product Designer' });
  await expect(title).toHaveCSS('color', 'rgb(110, 0, 110)');
  await expect(title).not.toHaveCSS('font-size', '40px');
  // The host's own `.cj-meta` keeps the host's look.
  await expect(page.locator('main > p.cj-meta')).toHaveCSS('font-size', '16px');
  await expect(page.locator('main > p.cj-meta')).toHaveCSS('color', 'rgb(0, 0, 0)');

  // The listing's filters, as one types; the status line says what is shown.
  await list.getByRole('searchbox', { name: 'Search' }).fill('berlin');
  await expect(list.locator('.cj-title')).toHaveText(['Data Platform Engineer']);
  await expect(list.getByRole('status')).toHaveText('1 open position matches your search');
  await list.getByRole('searchbox', { name: 'Search' }).fill('no such role anywhere');
  await expect(list.getByText('No positions match your search.')).toBeVisible();
  await list.getByRole('button', { name: 'show all 3 positions' }).click();
  await expect(list.locator('.cj-title')).toHaveCount(3);
  await expect(list.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await list.getByRole('combobox', { name: 'Team' }).selectOption('Design');
  await expect(list.locator('.cj-title')).toHaveText(['Product Designer']);

  // A posting opens on the careers site, tagged with where it was found.
  await title.click();
  await expect(page).toHaveURL(`${SITE}/careers/product-designer-remote?src=embed`);
  await expect(page.getByRole('heading', { level: 1, name: 'Product Designer' })).toBeVisible();
});

test('the iframe version sizes itself to its content, filters without JavaScript and opens postings in the page', async ({
  page,
  noJsPage: plain,
}) => {
  await page.goto(`${E2E_EMBED_HOST}/`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.cj-title')).toHaveCount(3);
  // The frame says how tall it is, and the embed script on the page makes it so (120 px before).
  const content = await frame.locator('main').evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
  expect(content).toBeGreaterThan(300);
  await expect.poll(async () => (await page.locator('iframe').boundingBox())?.height).toBe(content);
  // The same when the script comes after the frame has told its height: it asks again.
  await page.goto(`${E2E_EMBED_HOST}/late`);
  await expect(widget(page).locator('.cj-title')).toHaveCount(3);
  await expect.poll(async () => (await page.locator('iframe').boundingBox())?.height).toBe(content);

  await frame.getByRole('link', { name: 'Senior Backend Engineer (Remote)' }).click();
  await expect(page).toHaveURL(`${SITE}/careers/senior-backend-engineer-remote?src=embed`);

  // Without JavaScript the placeholder keeps its link, and the frame's filters are a form that is sent.
  await plain.goto(`${E2E_EMBED_HOST}/`);
  await expect(widget(plain).getByRole('link', { name: 'See our open positions' })).toHaveAttribute(
    'href',
    `${SITE}/careers`,
  );
  const still = plain.frameLocator('iframe');
  await still.getByRole('searchbox', { name: 'Search' }).fill('berlin');
  await still.getByRole('button', { name: 'Show positions' }).click();
  await expect(still.locator('.cj-title')).toHaveText(['Data Platform Engineer']);
  await expect(still.getByRole('status')).toHaveText('1 open position matches your search');
  await still.getByRole('searchbox', { name: 'Search' }).fill('');
  await still.getByRole('combobox', { name: 'Team' }).selectOption('Design');
  await still.getByRole('button', { name: 'Show positions' }).click();
  await expect(still.locator('.cj-title')).toHaveText(['Product Designer']);
  await still.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
  await still.getByRole('button', { name: 'Show positions' }).click();
  await expect(still.getByText('No positions match your search.')).toBeVisible();
  await expect(still.getByRole('link', { name: 'show all 3 positions' })).toHaveAttribute('href', '/embed/v1/jobs');
});

test('axe finds nothing on the host page, the shadow list and the frame included', async ({ page }) => {
  await page.goto(`${E2E_EMBED_HOST}/`);
  await expect(widget(page).locator('.cj-title')).toHaveCount(3);
  await expect(page.frameLocator('iframe').locator('.cj-title')).toHaveCount(3);
  await axeClean(page);
});

test('with the careers site stopped, the host page shows the plain link', async ({ page }) => {
  await page.goto(`${E2E_EMBED_HOST}/down`);
  const link = widget(page).getByRole('link', { name: 'See our open positions' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `${DOWN}/careers`);
});

test('a site not in EMBED_ORIGINS can neither read the list nor frame it, and is told so in words', async ({
  browser,
}) => {
  // The refusal is the point: not the fixture's context, which fails a test on any policy violation.
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.goto(`${UNLISTED}/`);
  const list = widget(page);
  await expect(list.getByRole('status')).toHaveText('The open positions could not be loaded just now.');
  await expect(list.getByRole('link', { name: 'See our open positions' })).toBeVisible();
  expect(messages.join('\n')).toContain(`Is ${UNLISTED} listed in the careers site's EMBED_ORIGINS?`);
  // The frame is refused by its policy: nothing of the list shows in it.
  await expect(page.frameLocator('iframe').locator('.cj-title')).toHaveCount(0);
  expect(messages.join('\n')).toContain(
    `violates the following Content Security Policy directive: "frame-ancestors ${E2E_EMBED_HOST}"`,
  );
  await context.close();
});

test('CORS and framing are granted to EMBED_ORIGINS alone; the script is small and says its version', async ({
  request,
}) => {
  for (const path of ['/api/postings', '/api/postings/product-designer-remote']) {
    const listed = await request.get(path, { headers: { Origin: E2E_EMBED_HOST } });
    expect(listed.headers()['access-control-allow-origin']).toBe(E2E_EMBED_HOST);
    expect(listed.headers().vary).toMatch(/Origin/);
    for (const origin of [UNLISTED, 'https://attacker.example', 'null']) {
      const other = await request.get(path, { headers: { Origin: origin } });
      expect(other.status()).toBe(200);
      expect(other.headers()['access-control-allow-origin']).toBeUndefined();
    }
  }
  const preflight = await request.fetch('/api/postings', { method: 'OPTIONS', headers: { Origin: E2E_EMBED_HOST } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe(E2E_EMBED_HOST);

  const frame = await request.get('/embed/v1/jobs');
  expect(frame.headers()['content-security-policy']!.split('; ')).toContain(`frame-ancestors ${E2E_EMBED_HOST}`);
  expect(frame.headers()['x-content-type-options']).toBe('nosniff');
  for (const path of ['/careers', '/careers/product-designer-remote', '/api/postings'])
    expect((await request.get(path)).headers()['content-security-policy']!.split('; ')).toContain(
      "frame-ancestors 'none'",
    );

  const script = await request.get('/embed/v1/jobs.js');
  expect(script.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.headers()['cache-control']).toMatch(/max-age=\d+/);
  const body = await script.body();
  expect(body.toString()).toMatch(/^\/\*! careers jobs embed, v1 \*\//);
  expect(zlib.gzipSync(body).length).toBeLessThan(5 * 1024);
  // A server action posted where the embed or the API lives passes the same gate as anywhere: refused, not a 500.
  for (const path of ['/embed/v1/nothing-here', '/api/postings/a/b']) {
    const action = await request.post(path, {
      headers: { 'Next-Action': 'a'.repeat(42), Origin: 'https://attacker.example' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(action.status(), path).toBe(403);
  }
  expect((await request.post('/api/postings', { data: '{}' })).status()).toBe(405);
  // Hostile filters are text, never markup, and never a 500.
  const hostile = await request.get('/embed/v1/jobs?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&category=%00%ff&q=x');
  expect(hostile.status()).toBe(200);
  expect(await hostile.text()).not.toContain('<script>alert(1)');
});
