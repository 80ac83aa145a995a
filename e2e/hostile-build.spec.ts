import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { storeApplication } from '@/features/apply/store';
import { createLink } from '@/features/candidate/links';
import { databaseStore } from '@/features/resumes/store';
import { minimalPdf } from '@/test-support/pdf';
import { SEED } from './fixtures/apply';
import { loopback, send, type Sent } from './fixtures/http';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// Every server action and every route of the build, read from the build itself (no list to forget to
// update), sent what a script can send: malformed action bodies from this site, another and `null`, and
// paths whose percent-encoding is not UTF-8. None may answer 5xx; each gets the site's page or JSON, and the
// server (one of its own, so its log can be read) logs nothing alarming about any of it.

const manifest = (name: string) => JSON.parse(fs.readFileSync(path.join('.next/server', name), 'utf8'));
const SLUG = SEED.split('/').pop()!;
const TOKEN = 'A'.repeat(43);

/** A route of the build as a path a browser could ask for: each dynamic segment given a plausible value. */
const pathOf = (route: string, segment = (name: string) => (name === 'slug' ? SLUG : name === 'id' ? '1' : TOKEN)) =>
  route
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\/(page|route)$/, '')
    .replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_, rest: string, one: string) => segment(rest ?? one)) || '/';

type Reference = { workers: object; exportedName: string };
const references = manifest('server-reference-manifest.json').node as Record<string, Reference>;
const actions = Object.entries(references)
  .flatMap(([id, { workers }]) =>
    Object.keys(workers).map((worker) => ({ id, path: pathOf(worker.replace(/^app/, '')) })),
  )
  .filter(({ path: p }) => !p.startsWith('/_'));
const routes = Object.keys(manifest('app-paths-manifest.json')).filter((route) => !route.startsWith('/_'));

const multipart = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
};
const BODIES: { name: string; js: boolean; body: () => FormData | string; type?: string }[] = [
  { name: 'part 0 not JSON', js: true, body: () => multipart([['0', 'not json']]) },
  { name: '10,000 nested [', js: true, body: () => multipart([['0', '['.repeat(10_000)]]) },
  { name: 'a reference to a part not sent', js: true, body: () => multipart([['0', '["$@9"]']]) },
  { name: 'a text body that is not JSON', js: true, body: () => 'not json', type: 'text/plain;charset=UTF-8' },
  {
    name: 'no-JS fields with garbage',
    js: false,
    body: () =>
      multipart([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{"id":"x","bound":"$@1"}'],
        ['$ACTION_1:1', 'garbage'],
      ]),
  },
];

const explained = (answer: Sent, p: string, what: string) => {
  expect(answer.status, `${what}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  if (p.startsWith('/api/')) expect(answer.headers['content-type'], what).toMatch(/application\/(problem\+)?json/);
  else expect(answer.text, what).toMatch(/<h1>/);
};

test.describe.configure({ mode: 'serial' });
let server: ExtraServer;
test.beforeAll(async () => {
  server = await startExtraServer('hostile-build', 32, {});
});
test.afterAll(async () => {
  // Next's own warnings about forwarded requests aside, nothing the hostile requests did is an error.
  expect(server.log()).not.toMatch(/Error|⨯|\n\s+at /);
  await server?.stop();
});

test('malformed bodies to every server action of the build get a 4xx page, never a 500', async () => {
  const baseURL = server.origin;
  test.setTimeout(120_000);
  expect(actions.length).toBeGreaterThan(10);
  const from = loopback();
  for (const action of actions) {
    for (const origin of [baseURL!, 'https://evil.example', 'null']) {
      for (const { name, js, body, type } of BODIES) {
        const headers: Record<string, string> = { Origin: origin, ...(js ? { 'Next-Action': action.id } : {}) };
        if (type) headers['Content-Type'] = type;
        const answer = await send(`${baseURL}${action.path}`, { from, headers, body: body() });
        explained(answer, action.path, `${action.path} ${name} from ${origin}`);
      }
    }
  }
});

test('paths that are not UTF-8 get a 400 with a page (JSON under /api/) on every route', async () => {
  const baseURL = server.origin;
  const from = loopback();
  for (const route of routes) {
    for (const bad of ['%ff', '%C0%AF']) {
      const dynamic = /\[/.test(route);
      const p = dynamic ? pathOf(route, () => bad) : `${pathOf(route).replace(/\/$/, '')}/${bad}`;
      for (const method of ['GET', 'POST']) {
        const answer = await send(`${baseURL}${p}`, {
          from,
          method,
          headers: { Origin: baseURL! },
          body: method === 'POST' ? 'x' : undefined,
        });
        if (!dynamic && answer.status === 404) continue; // a static route's unknown child is simply not found
        explained(answer, p, `${method} ${p}`);
      }
    }
  }
});

test('a signed-in candidate calling the withdraw action with no form changes nothing, and is not a 500', async () => {
  const email = `hostile-${Date.now()}@example.com`;
  const stored = await storeApplication({
    application: {
      postingSlug: SLUG,
      postingTitle: 'Senior Backend Engineer',
      fullName: 'Hostile Candidate',
      email,
      consentAt: new Date(),
      resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: minimalPdf('hostile') },
    },
    database: server.database,
    store: databaseStore,
  });
  const id = (stored as { id: number }).id;
  const from = loopback();
  const signedIn = await send(`${server.origin}/applications/session`, {
    from,
    headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `token=${await createLink({ database: server.database, emailKey: email })}`,
  });
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
  expect(cookie).toMatch(/^candidate_session=/);
  const withdraw = Object.entries(references).find(([, r]) => r.exportedName === 'withdrawApplication')![0];
  for (const body of [multipart([['0', '[null,"$K1"]']]), multipart([['0', '["$K1"]']]), multipart([['0', '[42]']])]) {
    const answer = await send(`${server.origin}/applications`, {
      from,
      headers: { Origin: server.origin, Cookie: cookie, 'Next-Action': withdraw },
      body,
    });
    expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
  }
  const { db, t } = server.database;
  const [row] = await db
    .select({ status: t.applications.status })
    .from(t.applications)
    .where(eq(t.applications.id, id));
  expect(row!.status).toBe('new');
});
