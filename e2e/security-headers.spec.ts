import { SEED } from './fixtures/apply';
import { seedApplication } from './fixtures/db';
import { E2E_EMBED_HOST } from './fixtures/env';
import { loopback, send } from './fixtures/http';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// Every response carries the security headers: pages (prerendered and dynamic), files, feeds, the API, the
// pages written outside React, Next's own 404. (Every page the suite visits is also checked for CSP
// violations in the browser's console: e2e/fixtures/pages.ts.)

const REQUIRED = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

function expectSecure(
  headers: Record<string, string | string[] | undefined>,
  where: string,
  frameAncestors = "'none'",
) {
  const csp = String(headers['content-security-policy']);
  for (const directive of [...REQUIRED, `frame-ancestors ${frameAncestors}`]) expect(csp, where).toContain(directive);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(String(headers['permissions-policy']), where).toContain('camera=()');
}

test('every kind of response carries the security headers', async ({ request, baseURL }) => {
  const page = await (await request.get(SEED)).text();
  const script = /<script src="([^"]+)"/.exec(page)![1]!;
  for (const path of [
    SEED,
    '/careers',
    '/privacy',
    '/careers/no-such-posting',
    script,
    '/careers/feed.xml',
    '/careers/feed.json',
    '/careers/jobs.xml',
    '/careers/linkedin.xml',
    '/api/postings',
    '/sitemap.xml',
    '/robots.txt',
    '/admin/sign-in',
    '/admin/password-reset',
    '/admin/password-reset/not-a-link',
    '/logo.svg',
    // Beside the resume routes, which set their own: these get the site's.
    '/admin/applications/1/resume-x',
    '/admin/applications/1/resume/other',
  ]) {
    const response = await request.get(path);
    expectSecure(response.headers(), path);
  }
  // Route handlers' own answers, not followed: the redirects of the sign-in's steps and single sign-on's return.
  for (const path of ['/admin/sign-in/code', '/admin/two-factor', '/admin/sso/callback?code=x&state=y'])
    expectSecure((await request.get(path, { maxRedirects: 0 })).headers(), path);
  const code = await request.post('/admin/session/code', {
    form: { code: '123456' },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(code.status()).toBe(303);
  expectSecure(code.headers(), 'the code step');
  // The embed, framed by the sites in EMBED_ORIGINS alone: its headers come from the proxy, at run time.
  for (const path of ['/embed/v1/jobs', '/embed/v1/jobs.js', '/embed/v1/nothing-here'])
    expectSecure((await request.get(path)).headers(), path, E2E_EMBED_HOST);
  const preflight = await request.fetch('/api/postings', { method: 'OPTIONS', headers: { Origin: E2E_EMBED_HOST } });
  expectSecure(preflight.headers(), 'CORS preflight');
  // Written outside React: the proxy's refusal and the server's 413.
  const crossSite = await send(`${baseURL}${SEED}`, {
    from: loopback(),
    body: new FormData(),
    headers: { Origin: 'https://evil.example' },
  });
  expect(crossSite.status).toBe(403);
  expectSecure(crossSite.headers, 'proxy refusal');
  const tooLarge = await send(`${baseURL}/admin/session`, { from: loopback(), body: 'x'.repeat(20_000) });
  expect(tooLarge.status).toBe(413);
  expectSecure(tooLarge.headers, 'body too large');
  // Prerendered pages stay prerendered with these headers.
  expect((await request.get(SEED)).headers()['x-nextjs-cache']).toBeTruthy();
});

test('over plain http there is no HSTS', async ({ request }) => {
  expect((await request.get(SEED)).headers()['strict-transport-security']).toBeUndefined();
});

test('a resume is served sandboxed, framed by our own pages only, with no referrer', async ({ page, admin }) => {
  const id = await seedApplication({ fullName: 'Sandboxed Resume' });
  await admin.signIn(page);
  for (const path of [`/admin/applications/${id}/resume`, `/admin/applications/${id}/resume?download=1`]) {
    const headers = (await page.request.get(path)).headers();
    expect(headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
});

test.describe('behind a trusted proxy that terminates TLS', () => {
  test.describe.configure({ mode: 'serial' });
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startExtraServer('tls', 13, { TRUST_PROXY: '1' });
  });
  test.afterAll(async () => server?.stop());

  test('HSTS is sent when the proxy says the browser came over https, and only then', async () => {
    const secure = await send(`${server.origin}${SEED}`, { method: 'GET', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await send(`${server.origin}${SEED}`, { method: 'GET', headers: { 'X-Forwarded-Proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

test.describe('served directly (no TRUST_PROXY)', () => {
  test('a client’s own X-Forwarded-Proto earns no HSTS', async ({ baseURL }) => {
    const response = await send(`${baseURL}${SEED}`, { method: 'GET', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
