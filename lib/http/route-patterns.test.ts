import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filesUnder, routeMatcher, routePatternsFrom, UNMATCHED } from './route-patterns';

test('patterns drop route groups and parallel slots, skip private folders, and name metadata files by URL', () => {
  assert.deepEqual(
    routePatternsFrom([
      'page.tsx',
      'layout.tsx',
      'admin/(signed-in)/applications/[id]/page.tsx',
      'admin/(signed-in)/export/route.ts',
      'admin/@modal/login/page.tsx',
      'careers/_parts/card.tsx',
      'careers/_drafts/page.tsx',
      'robots.ts',
      'icon.svg',
      'globals.css',
    ]),
    ['/', '/admin/applications/[id]', '/admin/export', '/admin/login', '/icon.svg', '/robots.txt'],
  );
});

test('a path is named by its pattern: static before dynamic before catch-all, and a private token never shows', () => {
  const route = routeMatcher(
    [
      '/',
      '/careers',
      '/careers/[slug]',
      '/careers/feed.json',
      '/careers/[slug]/applied',
      '/docs/[...path]',
      '/x/[[...rest]]',
    ],
    ['logo.svg'],
  );
  assert.equal(route('/'), '/');
  assert.equal(route('/careers/'), '/careers');
  assert.equal(route('/careers/feed.json'), '/careers/feed.json');
  assert.equal(route('/careers/senior-backend'), '/careers/[slug]');
  assert.equal(route('/careers/senior-backend/applied'), '/careers/[slug]/applied');
  assert.equal(route('/docs/a/b/c'), '/docs/[...path]');
  assert.equal(route('/docs'), UNMATCHED);
  assert.equal(route('/x'), '/x/[[...rest]]');
  assert.equal(route('/careers/a/b/c'), UNMATCHED);
  assert.equal(route('/_next/static/chunks/abc123.js'), '/_next/static');
  assert.equal(route('/_next/image'), '/_next/image');
  assert.equal(route('/logo.svg'), '/public');
  assert.equal(route('/wp-login.php'), UNMATCHED);
});

test("this site's own tree: every page a visitor reaches has its pattern", () => {
  const route = routeMatcher(routePatternsFrom(filesUnder('app')), filesUnder('public'));
  assert.equal(route('/careers/senior-backend-engineer'), '/careers/[slug]');
  assert.equal(route('/careers/feed.xml'), '/careers/feed.xml');
  assert.equal(route('/admin'), '/admin');
  assert.equal(route('/admin/applications/42'), '/admin/applications/[id]');
  assert.equal(route('/admin/join/secret-token-here'), '/admin/join/[token]');
  assert.equal(route('/resume-viewer/tok/a/b.pdf'), '/resume-viewer/[token]/[...file]');
  assert.equal(route('/robots.txt'), '/robots.txt');
  assert.equal(route('/healthz'), '/healthz');
});
