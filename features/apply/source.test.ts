import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanSourceValue, originOf, parseSource, postingQuery } from './source';

const siteHost = 'careers.example.com';
const parse = (query: string | null, referrer: string | null = null) => parseSource({ query, referrer, siteHost });

test('?src= wins over utm_source and the referrer; medium and campaign come from utm_*', () => {
  assert.deepEqual(
    parse('?src=LinkedIn&utm_source=newsletter&utm_medium=email&utm_campaign=Spring 2026', 'https://t.co/x'),
    {
      source: 'linkedin',
      medium: 'email',
      campaign: 'Spring 2026',
      referrer: 'https://t.co',
    },
  );
  assert.equal(parse('?utm_source=newsletter&utm_campaign=spring').source, 'newsletter');
  assert.equal(parse('?utm_campaign=spring').campaign, 'spring');
});

test('without a tag the referring site is the source: its host, and only its origin is kept', () => {
  assert.deepEqual(parse('', 'https://blog.example.org:8443/posts/42?user=jane#top'), {
    source: 'blog.example.org:8443',
    medium: null,
    campaign: null,
    referrer: 'https://blog.example.org:8443',
  });
});

test('our own pages are never a referrer, whatever the scheme', () => {
  assert.deepEqual(parse(null, 'https://careers.example.com/careers?q=data'), {
    source: null,
    medium: null,
    campaign: null,
    referrer: null,
  });
  assert.equal(parse(null, 'http://CAREERS.example.com/').referrer, null);
});

test('bad values are dropped silently, one by one', () => {
  const long = 'x'.repeat(101);
  assert.deepEqual(parse(`?src=${long}&utm_source=ok&utm_medium=%00nul&utm_campaign=%E2%80%AEevil`), {
    source: 'ok',
    medium: null,
    campaign: null,
    referrer: null,
  });
  assert.equal(parse('?src=%20%20').source, null);
  assert.equal(parse(`?src=${'y'.repeat(100)}`).source, 'y'.repeat(100));
  assert.equal(parse('?src=a%0Ab').source, null);
  assert.equal(parse('?src=zero%E2%80%8Bwidth').source, null);
  assert.equal(parse(`?src=${'z'.repeat(3000)}`).source, null);
  for (const referrer of ['javascript:alert(1)', 'data:text/html,x', 'ftp://files.example.org/', 'not a url', '']) {
    assert.equal(parse(null, referrer).referrer, null, referrer);
    assert.equal(parse(null, referrer).source, null, referrer);
  }
});

test('cleanSourceValue and originOf', () => {
  assert.equal(cleanSourceValue('  spring  '), 'spring');
  assert.equal(cleanSourceValue('tab\there'), null);
  assert.equal(cleanSourceValue(undefined), null);
  assert.equal(originOf('https://user:pw@example.org/path'), 'https://example.org');
  assert.equal(originOf('https://例え.jp/'), 'https://xn--r8jz45g.jp');
});

test('the posting query: the hidden field first, else a same-origin Referer of the same page', () => {
  const where = { siteHost, path: '/careers/data-engineer' };
  assert.equal(postingQuery({ field: '?src=a', refererHeader: null }, where), '?src=a');
  assert.equal(
    postingQuery({ field: '', refererHeader: 'https://careers.example.com/careers/data-engineer?utm_source=n' }, where),
    '?utm_source=n',
  );
  assert.equal(
    postingQuery({ field: null, refererHeader: 'https://evil.example/careers/data-engineer?src=x' }, where),
    null,
  );
  assert.equal(
    postingQuery({ field: null, refererHeader: 'https://careers.example.com/careers/other?src=x' }, where),
    null,
  );
  assert.equal(postingQuery({ field: 'src=no-question-mark', refererHeader: 'garbage' }, where), null);
});
