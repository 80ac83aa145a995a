import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPLOYMENT_LABELS } from '@/features/postings/components/describe';
import { embedRenderer, type EmbedOptions, type EmbedPosting } from './render';

const { form, results } = embedRenderer();

const posting = (overrides: Partial<EmbedPosting>): EmbedPosting => ({
  slug: 'data-engineer',
  title: 'Data Engineer',
  category: 'Engineering',
  position: 1,
  location: 'Berlin',
  remote: false,
  employmentType: 'FULL_TIME',
  department: 'Data',
  html: '<p><strong>We</strong> move data with Spark &amp; Kafka.</p>',
  ...overrides,
});

const POSTINGS = [
  posting({}),
  posting({
    slug: 'designer',
    title: 'Product Designer',
    category: 'Design',
    location: 'Zürich',
    remote: true,
    employmentType: 'PART_TIME',
    department: 'Brand',
    html: '<p>Figma.</p>',
  }),
  posting({
    slug: 'sre',
    title: 'Site Reliability Engineer',
    position: 0,
    location: null,
    employmentType: null,
    department: null,
    html: '<p>On call.</p>',
  }),
];

const script: EmbedOptions = {
  action: null,
  linkTarget: null,
  source: 'embed',
  employment: EMPLOYMENT_LABELS,
  site: 'https://careers.example.com',
};
const frame: EmbedOptions = { ...script, action: '/embed/v1/jobs', linkTarget: '_top', site: '' };
const titles = (html: string) => [...html.matchAll(/class="cj-title"[^>]*>([^<]+)</g)].map((m) => m[1]);

test('positions by team (alphabetical), each by position then title, linking back with the embed as source', () => {
  const { html, status } = results(POSTINGS, { q: '', category: '' }, script);
  assert.equal(status, '3 open positions');
  assert.deepEqual(
    [...html.matchAll(/<h2[^>]*>([^<]+)</g)].map((m) => m[1]),
    ['Design', 'Engineering'],
  );
  assert.deepEqual(titles(html), ['Product Designer', 'Site Reliability Engineer', 'Data Engineer']);
  assert.match(html, /href="https:\/\/careers\.example\.com\/careers\/designer\?src=embed"/);
  assert.match(html, />Zürich · Remote · Part time</);
  assert.doesNotMatch(html, /target=/);
  // The iframe's links open in the page around it.
  assert.match(
    results(POSTINGS, { q: '', category: '' }, frame).html,
    /href="\/careers\/designer\?src=embed" target="_top"/,
  );
});

test('the listing’s filters: every word, any accent or case, in title, team, place, department or text', () => {
  const found = (q: string, category = '') => titles(results(POSTINGS, { q, category }, script).html);
  assert.deepEqual(found('zurich'), ['Product Designer']);
  assert.deepEqual(found('KAFKA spark'), ['Data Engineer']);
  assert.deepEqual(found('data'), ['Data Engineer']);
  assert.deepEqual(found('brand'), ['Product Designer']);
  assert.deepEqual(found('engineer', 'Engineering'), ['Site Reliability Engineer', 'Data Engineer']);
  assert.deepEqual(found('', 'Design'), ['Product Designer']);
  // Markup and character references are not text.
  assert.deepEqual(found('amp'), []);
  assert.deepEqual(found('strong'), []);
  assert.equal(results(POSTINGS, { q: 'figma', category: '' }, script).status, '1 open position matches your search');
  assert.equal(results(POSTINGS, { q: 'engineer', category: '' }, script).status, '2 open positions match your search');
});

test('the empty states say what happened, in words, and how to go on', () => {
  const none = results(POSTINGS, { q: 'astronaut', category: '' }, script);
  assert.equal(none.status, 'No positions match your search');
  assert.match(none.html, /No positions match your search\./);
  assert.match(none.html, /<button type="button" class="cj-link" data-clear>show all 3 positions<\/button>/);
  assert.match(
    results(POSTINGS, { q: 'astronaut', category: '' }, frame).html,
    /<a href="\/embed\/v1\/jobs">show all 3 positions<\/a>/,
  );

  const empty = results([], { q: '', category: '' }, frame);
  assert.equal(empty.status, 'No open positions right now');
  assert.match(empty.html, /There are no open positions right now\./);
  assert.match(empty.html, /<a href="\/careers" target="_top">our careers site<\/a>/);
  assert.match(
    results([], { q: '', category: '' }, script).html,
    /<a href="https:\/\/careers\.example\.com\/careers">/,
  );
});

test('whatever a posting or a visitor’s filter holds is text, never markup', () => {
  const hostile = posting({ title: '<img src=x onerror=alert(1)>', category: '"><script>alert(1)</script>' });
  const view = { q: '"><script>alert(2)</script>', category: '"><b>' };
  const page = form([hostile], view, frame) + results([hostile], { q: '', category: '' }, frame).html;
  assert.doesNotMatch(page, /<img|<script|<b>|"onmouseover/);
  assert.match(page, /value="&#34;&#62;&#60;script&#62;alert\(2\)&#60;\/script&#62;"/);
});

test('the form: a GET form to the iframe page, or one the script filters as one types; the chosen team selected', () => {
  const sent = form(POSTINGS, { q: 'data', category: 'Design' }, frame);
  assert.match(
    sent,
    /<form class="cj-filters" role="search" aria-label="Filter positions" method="get" action="\/embed\/v1\/jobs">/,
  );
  assert.match(sent, /<label for="cj-q">Search<\/label><input id="cj-q" name="q" type="search" value="data"/);
  assert.match(sent, /<option value="Design" selected>Design<\/option><option value="Engineering">/);
  assert.doesNotMatch(form(POSTINGS, { q: '', category: '' }, script), /action=/);
});
