import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { jsActionBodyValid, noJsActionFieldsValid } from '@/features/apply/gate/action-fields';
import { enhanceForm, fillApplication, pdf, SEED, sendButton, uniqueEmail } from './fixtures/apply';
import { expect, test } from './fixtures/test';

// proxy.ts reads React's private encoding of a server action's arguments, to answer a malformed post with a
// clear 400 instead of Next's 500. This is the test that fails first when React changes that encoding: it
// takes the body a real browser sends, with and without JavaScript, and asks the proxy's check about it.

type Captured = { body: Buffer; headers: http.IncomingHttpHeaders };

/**
 * A pass-through server in front of the e2e server that keeps a copy of each POST body (the browser does
 * not hand Playwright the bytes of a file upload).
 */
const testWithSpy = test.extend<{ spy: { origin: string; posts: Captured[] } }>({
  spy: async ({ baseURL }, use) => {
    const posts: Captured[] = [];
    const target = new URL(baseURL!);
    const server = http.createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        if (incoming.method === 'POST') posts.push({ body, headers: incoming.headers });
        const forward = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: incoming.url,
            method: incoming.method,
            headers: incoming.headers,
          },
          (response) => {
            outgoing.writeHead(response.statusCode!, response.headers);
            response.pipe(outgoing);
          },
        );
        forward.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts });
    // The browser keeps its connections open: closed here, so `close` never waits on them (it once took 30 s),
    // and the wait is bounded whatever else happens.
    server.closeAllConnections();
    await Promise.race([
      new Promise((resolve) => server.close(resolve)),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
  },
});

async function submit(page: Page, posts: Captured[]) {
  await fillApplication(page, {
    fullName: 'Encoding Check',
    email: uniqueEmail('encoding'),
    resume: pdf(),
    consent: true,
  });
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  const [post] = posts;
  const response = new Response(new Uint8Array(post!.body), {
    headers: { 'Content-Type': post!.headers['content-type']! },
  });
  return { form: await response.formData(), isJs: 'next-action' in post!.headers };
}

testWithSpy('the proxy accepts what a browser with JavaScript sends', async ({ page, spy }) => {
  await page.goto(spy.origin + SEED);
  await enhanceForm(page);
  const { form, isJs } = await submit(page, spy.posts);
  expect(isJs).toBe(true);
  expect(
    jsActionBodyValid(form),
    'React changed how it encodes a server action call: update features/apply/gate/action-fields.ts',
  ).toBe(true);
});

testWithSpy('the proxy accepts what a browser without JavaScript sends', async ({ noJsPage: page, spy }) => {
  await page.goto(spy.origin + SEED);
  const { form, isJs } = await submit(page, spy.posts);
  expect(isJs).toBe(false);
  expect(
    noJsActionFieldsValid(form),
    'React changed the hidden fields of a progressively enhanced form: update features/apply/gate/action-fields.ts',
  ).toBe(true);
});
