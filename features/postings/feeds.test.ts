import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonFeed, rssFeed } from './feeds';
import type { PublicPosting } from './public-posting';

const item = (title: string, html: string): PublicPosting => ({
  slug: 'a',
  url: 'http://localhost:3000/careers/a',
  applyUrl: 'http://localhost:3000/careers/a#apply',
  title,
  category: 'R&D',
  position: 1,
  location: null,
  remote: true,
  employmentType: null,
  department: null,
  datePosted: '2026-11-01',
  validThrough: null,
  salary: null,
  status: 'open',
  updatedAt: '2026-11-01T00:00:00.000Z',
  html,
  questions: [],
});

test('RSS escapes titles and keeps HTML that contains "]]>" intact', () => {
  const xml = rssFeed([item('Ops & <Infra>', '<p>a ]]> b</p>')]);
  assert.ok(xml.includes('<title>Ops &amp; &lt;Infra&gt;</title>'));
  assert.ok(!xml.includes('<p>a ]]> b</p>'), 'a raw ]]> would end the CDATA section early');
  assert.ok(xml.includes(']]]]><![CDATA[>'));
  assert.ok(xml.includes('<category>R&amp;D</category>'));
});

test('JSON Feed items carry the HTML, a stable id and an ISO date', () => {
  const feed = jsonFeed([item('Designer', '<p>hi</p>')]);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.deepEqual(feed.items[0]!.tags, ['R&D', 'Remote']);
  assert.equal(feed.items[0]!.date_published, '2026-11-01T00:00:00.000Z');
  assert.equal(feed.items[0]!.content_html, '<p>hi</p>');
});
