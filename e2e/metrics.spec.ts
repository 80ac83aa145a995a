import crypto from 'node:crypto';
import net from 'node:net';
import { actionFields, applicationForm, isAcknowledged, SEED_SLUG } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { sampleValue } from '@/test-support/prometheus-text';
import { E2E_PORT, POSTGRES_TARGET } from './fixtures/env';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// What an operator watches, on a server set up as one would: /metrics behind a token on the site's port and open
// on a loopback port, logs as JSON. On the PostgreSQL project it is a second instance of that site (its pools
// are in the figures); on SQLite it has a database of its own.

test.describe.configure({ mode: 'serial' });
const TOKEN = crypto.randomBytes(32).toString('hex');
let server: ExtraServer;
let metricsPort: number;

test.beforeAll(async ({}, testInfo) => {
  const postgres = testInfo.project.name === 'postgres';
  metricsPort = E2E_PORT + (postgres ? 49 : 48);
  server = await startExtraServer(
    `metrics-${testInfo.project.name}`,
    postgres ? 47 : 46,
    { METRICS_TOKEN: TOKEN, METRICS_PORT: String(metricsPort), LOG_FORMAT: 'json', LOG_REQUESTS: 'on' },
    postgres ? POSTGRES_TARGET! : undefined,
  );
});
test.afterAll(async () => server?.stop());

test('/metrics is not there without a setting, refuses a scrape without the token, and counts what it served', async ({
  request,
}, testInfo) => {
  // The suite's own server has neither setting: no /metrics at all.
  expect((await request.get('/metrics')).status()).toBe(404);

  const scrape = (authorization?: string) =>
    fetch(`${server.origin}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
  const anonymous = await scrape();
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
  expect(anonymous.headers.get('content-security-policy')).toContain('frame-ancestors');
  const wrong = `${TOKEN.slice(0, -1)}${TOKEN.endsWith('0') ? '1' : '0'}`;
  expect((await scrape(`Bearer ${wrong}`)).status).toBe(401);
  expect((await fetch(`${server.origin}/metrics`, { method: 'POST', body: 'x' })).status).toBe(405);

  const email = `metrics-${crypto.randomUUID()}@example.com`;
  const sent = await fetch(`${server.origin}/careers/${SEED_SLUG}`, {
    method: 'POST',
    body: applicationForm(await actionFields(server.origin), {
      email,
      fullName: 'Metric Person',
      resume: minimalPdf(email),
    }),
    headers: { Origin: server.origin },
    redirect: 'manual',
  });
  expect(isAcknowledged(sent)).toBe(true);
  expect((await fetch(`${server.origin}/careers/no-such-posting`)).status).toBe(404);

  const scraped = await scrape(`Bearer ${TOKEN}`);
  expect(scraped.status).toBe(200);
  expect(scraped.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  const text = await scraped.text();
  const duration = 'careers_http_request_duration_seconds_count';
  // actionFields read the posting once before the POST; startExtraServer asked for /careers until it answered.
  expect(
    sampleValue(text, duration, { route: '/careers/[slug]', method: 'GET', status: '200' }),
  ).toBeGreaterThanOrEqual(1);
  expect(sampleValue(text, duration, { route: '/careers/[slug]', method: 'POST', status: '303' })).toBe(1);
  expect(sampleValue(text, duration, { route: '/careers/[slug]', method: 'GET', status: '404' })).toBe(1);
  expect(sampleValue(text, duration, { route: '/metrics', method: 'GET', status: '401' })).toBe(2);
  expect(text).not.toContain('no-such-posting');
  expect(sampleValue(text, 'careers_applications', { status: 'new' })).toBeGreaterThanOrEqual(1);
  expect(sampleValue(text, 'careers_outbox_emails', { state: 'pending' })).toBeGreaterThanOrEqual(0);
  expect(text).toContain('careers_database_up 1');
  if (testInfo.project.name === 'postgres') {
    expect(
      sampleValue(text, 'careers_database_pool_connections', { pool: 'app', state: 'total' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, 'careers_database_pool_connections', { pool: 'metrics', state: 'total' })).toBe(1);
  }

  // On the loopback port no token is asked; nothing else is served there.
  const local = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(local.status).toBe(200);
  expect(await local.text()).toContain('careers_http_request_duration_seconds_bucket');
  expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);

  // Every line the server wrote is one JSON object; requests are named by route, never by path or person.
  const lines = server
    .log()
    .split('\n')
    .filter((line) => line.trim());
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const posted = entries.find((e) => e.msg === 'request' && e.method === 'POST' && e.status === 303);
  expect(posted).toMatchObject({ level: 'info', route: '/careers/[slug]' });
  expect(typeof posted?.ms).toBe('number');
  expect(posted?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(sent.headers.get('x-request-id')).toBe(posted?.requestId);
  const log = lines.join('\n');
  for (const secret of [email, 'Metric Person', 'no-such-posting', TOKEN]) expect(log).not.toContain(secret);
});

/** The server's log lines as objects, once one satisfies `until` (a line is written as its response closes). */
async function logEntries(until: (entry: Record<string, unknown>) => boolean) {
  let entries: Record<string, unknown>[] = [];
  await expect
    .poll(() => {
      entries = server
        .log()
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      return entries.some(until);
    })
    .toBe(true);
  return entries;
}

/** Raw bytes to the server, as no browser or fetch would send them; resolves with what came back. */
function rawRequest(bytes: string, { abandonAfterMs }: { abandonAfterMs?: number } = {}): Promise<string> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer in 10 s; got: ${answer}`)));
    if (abandonAfterMs !== undefined) setTimeout(() => socket.destroy(), abandonAfterMs);
  });
}

test('a request id from the client is not trusted without a proxy in front', async () => {
  const answer = await fetch(`${server.origin}/healthz`, { headers: { 'X-Request-Id': 'forged-id' } });
  const id = answer.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await logEntries((entry) => entry.requestId === id);
  expect(server.log()).not.toContain('forged-id');
});

// Node's parser lets these targets through and `new URL` refuses them: the server used to throw before
// answering, leaving the socket open with no answer (and its SIGTERM waiting 10 s for it).
test('a request target that is no URL is a 400, answered, and logged without its path', async () => {
  for (const target of ['//a:b', '//[', '//x:99999/']) {
    const answer = await rawRequest(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
  }
  const entries = await logEntries((entry) => entry.status === 400 && entry.route === 'unmatched');
  expect(entries.filter((entry) => /uncaught|Invalid URL/i.test(String(entry.msg)))).toEqual([]);
  expect(server.log()).not.toContain('99999');
});

test('a client that leaves before its answer is counted and logged as 499, aborted, not as a 200', async () => {
  // A sign-in whose body never arrives in full: the route waits for it, then the client is gone.
  const body = 'email=nobody%40example.com&password=';
  await rawRequest(
    `POST /admin/session HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\nOrigin: ${server.origin}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\n${body}`,
    { abandonAfterMs: 500 },
  );
  const entries = await logEntries((entry) => entry.route === '/admin/session' && entry.method === 'POST');
  expect(entries.find((entry) => entry.route === '/admin/session')).toMatchObject({ status: 499, aborted: true });
  const text = await (
    await fetch(`${server.origin}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
  ).text();
  expect(
    sampleValue(text, 'careers_http_request_duration_seconds_count', { route: '/admin/session', status: '499' }),
  ).toBe(1);
  expect(
    sampleValue(text, 'careers_http_request_duration_seconds_count', { route: '/admin/session', status: '200' }),
  ).toBeUndefined();
});
