import fs from 'node:fs';
import path from 'node:path';
import { SEED } from './fixtures/apply';
import { loopback, send, type Sent } from './fixtures/http';
import { expect, test } from './fixtures/test';

// Every server action and every route of the build, read from the build itself (no list to forget to
// update), sent what a script can send: malformed action bodies from this site, another and `null`, and
// paths whose percent-encoding is not UTF-8. None may answer 5xx; each gets the site's page or JSON.

const manifest = (name: string) => JSON.parse(fs.readFileSync(path.join('.next/server', name), 'utf8'));
const SLUG = SEED.split('/').pop()!;
const TOKEN = 'A'.repeat(43);

/** A route of the build as a path a browser could ask for: each dynamic segment given a plausible value. */
const pathOf = (route: string, segment = (name: string) => (name === 'slug' ? SLUG : name === 'id' ? '1' : TOKEN)) =>
  route
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\/(page|route)$/, '')
    .replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_, rest: string, one: string) => segment(rest ?? one)) || '/';

const actions = Object.entries(manifest('server-reference-manifest.json').node as Record<string, { workers: object }>)
  .flatMap(([id, { workers }]) => Object.keys(workers).map((worker) => ({ id, path: pathOf(worker) })))
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

const explained = (answer: Sent, p: string) => {
  expect(answer.status, `${p}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  expect(answer.status, p).toBeGreaterThanOrEqual(400);
  if (p.startsWith('/api/')) expect(answer.headers['content-type'], p).toMatch(/application\/json/);
  else expect(answer.text, p).toMatch(/<h1>/);
};

test('malformed bodies to every server action of the build get a 4xx page, never a 500', async ({ baseURL }) => {
  test.setTimeout(120_000);
  expect(actions.length).toBeGreaterThan(10);
  const from = loopback();
  for (const action of actions) {
    for (const origin of [baseURL!, 'https://evil.example', 'null']) {
      for (const { name, js, body, type } of BODIES) {
        const headers: Record<string, string> = { Origin: origin, ...(js ? { 'Next-Action': action.id } : {}) };
        if (type) headers['Content-Type'] = type;
        const answer = await send(`${baseURL}${action.path}`, { from, headers, body: body() });
        explained(answer, `${action.path} ${name} from ${origin}`);
      }
    }
  }
});

test('paths that are not UTF-8 get a 400 with a page (JSON under /api/) on every route', async ({ baseURL }) => {
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
        explained(answer, `${method} ${p}`);
      }
    }
  }
});
