import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Posting } from '@/lib/content/posting';
import { jobPostingJsonLd, postalAddress, serializeJsonLd } from './job-posting';

const posting = (overrides: Partial<Posting> = {}): Posting => ({
  slug: 'data-engineer',
  file: 'content/postings/data-engineer.mdx',
  body: '',
  sections: [],
  questions: [],
  hiringTeam: [],
  publishedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  datedByFile: false,
  title: 'Data Engineer',
  position: 1,
  category: 'Engineering',
  remote: false,
  status: 'open',
  ...overrides,
});

test('a posting stops carrying JobPosting data the moment its validThrough passes, without a rebuild', () => {
  const p = posting({ validThrough: '2026-12-01' });
  assert.ok(jobPostingJsonLd(p, '<p>x</p>', new Date('2026-12-01T23:00:00Z')));
  assert.equal(jobPostingJsonLd(p, '<p>x</p>', new Date('2026-12-02T00:00:01Z')), null);
});

test('closed and draft postings carry none', () => {
  assert.equal(jobPostingJsonLd(posting({ status: 'closed' }), ''), null);
  assert.equal(jobPostingJsonLd(posting({ status: 'draft' }), ''), null);
});

test('datePosted falls back to the day it was first published, not its last change; salary with one bound is a single value', () => {
  const data = jobPostingJsonLd(posting({ salary: { currency: 'USD', min: 50, unit: 'HOUR' } }), '')!;
  assert.equal(data.datePosted, '2026-11-20');
  assert.deepEqual(data.baseSalary, {
    '@type': 'MonetaryAmount',
    currency: 'USD',
    value: { '@type': 'QuantitativeValue', value: 50, unitText: 'HOUR' },
  });
});

test('locations become postal addresses; a missing one is the head office', () => {
  assert.deepEqual(postalAddress('New York, NY, United States'), {
    addressLocality: 'New York',
    addressRegion: 'NY',
    addressCountry: 'United States',
  });
  assert.deepEqual(postalAddress('Berlin, Germany'), { addressLocality: 'Berlin', addressCountry: 'Germany' });
  assert.ok(postalAddress(undefined).addressCountry);
});

test('remote postings list where applicants may live', () => {
  const data = jobPostingJsonLd(posting({ remote: true, location: 'Germany or Austria' }), '')!;
  assert.equal(data.jobLocationType, 'TELECOMMUTE');
  assert.deepEqual(data.applicantLocationRequirements, [
    { '@type': 'AdministrativeArea', name: 'Germany' },
    { '@type': 'AdministrativeArea', name: 'Austria' },
  ]);
});

test('serialised JSON-LD cannot close its script element', () => {
  const json = serializeJsonLd({ description: '</script><script>alert(1)</script>' });
  assert.ok(!json.includes('</script>'));
  assert.equal(JSON.parse(json).description, '</script><script>alert(1)</script>');
});
