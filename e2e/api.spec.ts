import type { APIRequestContext, Page } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { signInAs, teamMember, uniqueTag } from './fixtures/admin';
import { axeClean } from './fixtures/axe';
import { query, seedApplication } from './fixtures/db';
import { expect, test } from './fixtures/test';

// The API as a program uses it: a token an owner made in the admin, each operation against the running site,
// every answer checked against the OpenAPI document the site serves (itself checked by an OpenAPI validator),
// and every example in that document checked against its schema and, for requests, sent.

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};
type Operation = {
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<
    string,
    { content?: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> }
  >;
};

let doc: Doc;
let ajv: Ajv2020;

test.beforeAll(async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  doc = (await response.json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
});

/** Whether `value` is what the document promises for `status` of `method path` (errors listed when not). */
function conforms(path: string, method: string, status: number, type: string, value: unknown) {
  const schema = doc.paths[path]![method]!.responses[String(status)]!.content![type]!.schema;
  const check = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"doc#/components')));
  return check(value) ? [] : check.errors;
}

async function createToken(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto('/admin/api-tokens');
  await page.getByLabel('Name', { exact: true }).fill(name);
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  for (const scope of scopes) await page.getByLabel(new RegExp(scope)).check();
  await page.getByRole('button', { name: 'Create the token' }).click();
  await expect(page.getByText(`Token “${name}” created`)).toBeVisible();
  return (await page.locator('#api-token').textContent())!.trim();
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function problemOf(request: APIRequestContext, url: string, headers: Record<string, string>) {
  const response = await request.get(url, { headers });
  expect(response.headers()['content-type']).toBe('application/problem+json');
  return { status: response.status(), body: await response.json() };
}

test('the OpenAPI document is valid OpenAPI 3.1, and each of its examples is what its schema says', async ({
  request,
}) => {
  const validator = new Validator();
  const result = await validator.validate(doc as unknown as Record<string, unknown>);
  expect(validator.version).toBe('3.1');
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
  let examples = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, content] of Object.entries(response.content ?? {})) {
          for (const example of Object.values(content.examples ?? {})) {
            examples += 1;
            expect(conforms(path, method, Number(status), type, example.value), `${method} ${path} ${status}`).toEqual(
              [],
            );
          }
        }
      }
    }
  }
  expect(examples).toBeGreaterThanOrEqual(10);
  expect((await request.get('/api/v1/openapi.json')).headers()['content-type']).toContain('application/json');
});

test('a token reads and moves applications, downloads a resume and lists postings; each answer as documented', async ({
  page,
  request,
  admin,
}) => {
  await admin.signIn(page);
  const token = await createToken(page, `HR ${uniqueTag()}`, [
    'applications:read',
    'applications:write',
    'postings:read',
  ]);
  await axeClean(page);
  // Shown once: the list has its first characters only.
  await page.goto('/admin/api-tokens');
  await axeClean(page);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(page.getByText(`${token.slice(0, 10)}…`)).toBeVisible();

  const tag = uniqueTag();
  const id = await seedApplication({ fullName: `Api ${tag}`, email: `api-${tag}@example.com` });
  const headers = bearer(token);

  // The list, with the document's example parameters; then searched for this application.
  const examples = Object.fromEntries(
    (doc.paths['/api/v1/applications']!.get!.parameters ?? [])
      .filter((p) => p.example !== undefined)
      .map((p) => [p.name, String(p.example)]),
  );
  const listed = await request.get('/api/v1/applications', { headers, params: examples });
  expect(listed.status()).toBe(200);
  expect(conforms('/api/v1/applications', 'get', 200, 'application/json', await listed.json())).toEqual([]);
  const found = await request.get('/api/v1/applications', { headers, params: { q: tag } });
  const page1 = await found.json();
  expect(conforms('/api/v1/applications', 'get', 200, 'application/json', page1)).toEqual([]);
  expect(page1.data.map((a: { id: number }) => a.id)).toEqual([id]);
  expect(page1.nextCursor).toBeNull();

  const one = await request.get(`/api/v1/applications/${id}`, { headers });
  expect(one.status()).toBe(200);
  const application = await one.json();
  expect(conforms('/api/v1/applications/{id}', 'get', 200, 'application/json', application)).toEqual([]);
  expect(application).toMatchObject({ id, fullName: `Api ${tag}`, status: 'new' });

  // The document's example body, sent as is.
  const body =
    doc.paths['/api/v1/applications/{id}']!.patch!.requestBody!.content['application/json']!.examples!.interview!.value;
  const moved = await request.patch(`/api/v1/applications/${id}`, { headers, data: body });
  expect(moved.status()).toBe(200);
  const movedBody = await moved.json();
  expect(conforms('/api/v1/applications/{id}', 'patch', 200, 'application/json', movedBody)).toEqual([]);
  expect(movedBody).toEqual({ id, status: 'interview', changed: true });
  expect(await query(sql`SELECT status FROM applications WHERE id = ${id}`)).toEqual([{ status: 'interview' }]);
  const again = await request.patch(`/api/v1/applications/${id}`, { headers, data: body });
  expect(await again.json()).toEqual({ id, status: 'interview', changed: false });

  const resume = await request.get(application.resume.url, { headers });
  expect(resume.status()).toBe(200);
  expect(resume.headers()['content-type']).toBe('application/pdf');
  expect(resume.headers()['content-disposition']).toMatch(/^attachment; filename="resume-[A-Z0-9-]+\.pdf"$/);
  expect((await resume.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // The resume's own policy, as the admin's download has it, not the pages' (which would let a file run scripts).
  expect(resume.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  expect(resume.headers()['referrer-policy']).toBe('no-referrer');

  const postings = await request.get('/api/v1/postings', { headers });
  const postingList = await postings.json();
  expect(conforms('/api/v1/postings', 'get', 200, 'application/json', postingList)).toEqual([]);
  expect(postingList.data.length).toBeGreaterThan(0);

  // Every use is audited as the token, by route pattern and answer, never with the search term.
  const [own] = await query<{ id: number }>(sql`SELECT id FROM api_tokens WHERE prefix = ${token.slice(0, 10)}`);
  const audit = await query<{ detail: string; application_id: number | null }>(
    sql`SELECT detail, application_id FROM audit_log WHERE actor_email = ${`api token #${own!.id}`} AND action = 'api_request' ORDER BY id`,
  );
  expect(audit.map((a) => a.detail)).toEqual([
    'GET /api/v1/applications → 200',
    'GET /api/v1/applications → 200',
    'GET /api/v1/applications/{id} → 200',
    'PATCH /api/v1/applications/{id} → 200',
    'PATCH /api/v1/applications/{id} → 200',
    'GET /api/v1/applications/{id}/resume → 200',
    'GET /api/v1/postings → 200',
  ]);
  expect(audit.filter((a) => a.application_id === id)).toHaveLength(4);
  const everything = await query<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE detail LIKE ${`%${tag}%`}`);
  expect(everything).toEqual([]);
});

test('every refusal is a problem document that says what to do', async ({ page, request, admin }) => {
  await admin.signIn(page);
  const reader = await createToken(page, `Reader ${uniqueTag()}`, ['postings:read']);
  const writer = await createToken(page, `Writer ${uniqueTag()}`, ['applications:read', 'applications:write']);
  const id = await seedApplication({ fullName: `Refused ${uniqueTag()}` });

  const none = await problemOf(request, '/api/v1/applications', {});
  expect(none).toMatchObject({ status: 401, body: { title: 'Unauthorized', status: 401 } });
  expect(conforms('/api/v1/applications', 'get', 401, 'application/problem+json', none.body)).toEqual([]);
  const wrong = await problemOf(request, '/api/v1/applications', bearer(`cpt_${'x'.repeat(43)}`));
  expect(wrong.status).toBe(401);
  const scoped = await problemOf(request, '/api/v1/applications', bearer(reader));
  expect(scoped).toMatchObject({ status: 403, body: { detail: expect.stringContaining('applications:read') } });

  const bad = await problemOf(request, '/api/v1/applications?status=bogus&nope=1&from=2026-02-30', bearer(writer));
  expect(bad.status).toBe(400);
  expect(bad.body.invalid.map((i: { name: string }) => i.name).sort()).toEqual(['from', 'nope', 'status']);
  expect(conforms('/api/v1/applications', 'get', 400, 'application/problem+json', bad.body)).toEqual([]);
  const twice = await problemOf(request, '/api/v1/applications?status=new&status=hired', bearer(writer));
  expect(twice.body.invalid).toEqual([{ name: 'status', reason: 'given more than once' }]);

  for (const missing of ['999999999', 'abc', '0', '-1', '99999999999999999999']) {
    const gone = await problemOf(request, `/api/v1/applications/${missing}`, bearer(writer));
    expect(gone.status, missing).toBe(404);
  }
  const url = `/api/v1/applications/${id}`;
  const asText = await request.patch(url, {
    headers: { ...bearer(writer), 'Content-Type': 'text/plain' },
    data: '{"status":"hired"}',
  });
  expect(asText.status()).toBe(415);
  const notJson = await request.patch(url, {
    headers: { ...bearer(writer), 'Content-Type': 'application/json' },
    data: Buffer.from('{status'),
  });
  expect((await notJson.json()).detail).toBe('The body is not valid JSON.');
  const badStatus = await request.patch(url, { headers: bearer(writer), data: { status: 'promoted', extra: 1 } });
  expect(badStatus.status()).toBe(400);
  expect((await badStatus.json()).invalid.map((i: { name: string }) => i.name).sort()).toEqual(['body', 'status']);
  const head = await request.head(`/api/v1/applications/${id}/resume`, { headers: bearer(writer) });
  expect([head.status(), head.headers().allow]).toEqual([405, 'GET']);
  const post = await request.post('/api/v1/applications', { headers: bearer(writer), data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()['content-type']).toBe('application/problem+json');
  const control = await problemOf(request, '/api/v1/applications?source=a%00b', bearer(writer));
  expect(control.body.invalid).toEqual([{ name: 'source', reason: 'contains control characters' }]);
  const huge = await request.patch(url, {
    headers: bearer(writer),
    data: { status: 'hired', pad: 'x'.repeat(20_000) },
  });
  expect(huge.status()).toBe(413);
  expect(huge.headers()['content-type']).toBe('application/problem+json');
  expect((await huge.json()).detail).toBe('The request body is larger than the API accepts (8 KB)');
  expect(await query(sql`SELECT status FROM applications WHERE id = ${id}`)).toEqual([{ status: 'new' }]);

  // Revoked in the admin: refused at once.
  await page.goto('/admin/api-tokens');
  await page
    .getByRole('row')
    .filter({ hasText: writer.slice(0, 10) })
    .getByRole('button', { name: /Revoke/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Token revoked' })).toBeVisible();
  expect((await problemOf(request, url, bearer(writer))).status).toBe(401);
});

test('a token past its rate limit is told when to come back', async ({ page, request, admin }) => {
  await admin.signIn(page);
  const token = await createToken(page, `Busy ${uniqueTag()}`, ['postings:read']);
  // The e2e servers allow 40 requests a minute per token (API_RATE_LIMIT).
  const statuses: number[] = [];
  let limited: { retry: string | undefined; body: { status: number } } | undefined;
  for (let i = 0; i < 45 && !limited; i++) {
    const response = await request.get('/api/v1/postings', { headers: bearer(token) });
    statuses.push(response.status());
    if (response.status() === 429) limited = { retry: response.headers()['retry-after'], body: await response.json() };
  }
  expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
  expect(limited?.body.status).toBe(429);
  expect(Number(limited?.retry)).toBeGreaterThan(0);
});

test('a recruiter has no API tokens page and no token', async ({ page }) => {
  const email = `recruiter-${uniqueTag()}@example.com`;
  await teamMember({ email, role: 'recruiter' });
  await signInAs(page, email);
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'API tokens' })).toHaveCount(
    0,
  );
  await page.goto('/admin/api-tokens');
  await expect(page.getByText('Only owners manage API tokens.')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
});
