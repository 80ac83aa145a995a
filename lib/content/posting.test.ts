import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { acceptsApplications, closesAt, groupByCategory, isPublished, matchesQuery, type Posting } from './posting';

function posting(overrides: Partial<Posting> = {}): Posting {
  return {
    title: 'Backend Engineer',
    position: 1,
    category: 'Engineering',
    remote: false,
    status: 'open',
    slug: 'backend-engineer',
    file: 'content/postings/backend-engineer.mdx',
    body: '',
    sections: [],
    questions: [],
    hiringTeam: [],
    publishedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    datedByFile: false,
    ...overrides,
  };
}

const NOW = new Date('2026-03-10T12:00:00Z');

describe('acceptsApplications', () => {
  test('an open posting without an end date accepts applications', () => {
    assert.equal(acceptsApplications(posting(), NOW), true);
  });

  test('closed and draft postings do not', () => {
    assert.equal(acceptsApplications(posting({ status: 'closed' }), NOW), false);
    assert.equal(acceptsApplications(posting({ status: 'draft' }), NOW), false);
  });

  test('a posting valid through today (a date) accepts until the end of the day, UTC', () => {
    const p = posting({ validThrough: '2026-03-10' });
    assert.equal(acceptsApplications(p, NOW), true);
    assert.equal(acceptsApplications(p, new Date('2026-03-10T23:59:59.999Z')), true);
    assert.equal(acceptsApplications(p, new Date('2026-03-11T00:00:00.000Z')), false);
  });

  test('a posting valid through yesterday (a date) is closed', () => {
    assert.equal(acceptsApplications(posting({ validThrough: '2026-03-09' }), NOW), false);
  });

  test('a date-time closes at that exact instant, offset included', () => {
    const p = posting({ validThrough: '2026-03-10T14:00:00+02:00' }); // 12:00 UTC
    assert.equal(acceptsApplications(p, new Date('2026-03-10T11:59:59Z')), true);
    assert.equal(acceptsApplications(p, NOW), true);
    assert.equal(acceptsApplications(p, new Date('2026-03-10T12:00:01Z')), false);
  });

  test('a date-time yesterday is closed', () => {
    assert.equal(acceptsApplications(posting({ validThrough: '2026-03-09T18:00:00Z' }), NOW), false);
  });

  test('a closed posting stays closed whatever its end date', () => {
    assert.equal(acceptsApplications(posting({ status: 'closed', validThrough: '2026-12-31' }), NOW), false);
  });
});

describe('closesAt', () => {
  test('is null without validThrough, the end of the UTC day for a date, the instant for a date-time', () => {
    assert.equal(closesAt({}), null);
    assert.equal(closesAt({ validThrough: '2026-03-10' })?.toISOString(), '2026-03-10T23:59:59.999Z');
    assert.equal(closesAt({ validThrough: '2026-03-10T09:30:00Z' })?.toISOString(), '2026-03-10T09:30:00.000Z');
  });
});

describe('isPublished', () => {
  test('drafts are hidden in production only', () => {
    assert.equal(isPublished(posting({ status: 'draft' }), 'production'), false);
    assert.equal(isPublished(posting({ status: 'draft' }), 'development'), true);
    assert.equal(isPublished(posting({ status: 'draft' }), 'test'), true);
  });

  test('open and closed postings are visible in production', () => {
    assert.equal(isPublished(posting({ status: 'open' }), 'production'), true);
    assert.equal(isPublished(posting({ status: 'closed' }), 'production'), true);
  });
});

describe('groupByCategory', () => {
  test('orders categories alphabetically and postings by position, then title', () => {
    const groups = groupByCategory([
      posting({ slug: 'seller', title: 'Account Executive', category: 'Sales', position: 1 }),
      posting({ slug: 'zeta', title: 'Zeta Engineer', category: 'Engineering', position: 1 }),
      posting({ slug: 'lead', title: 'Lead Engineer', category: 'Engineering', position: 2 }),
      posting({ slug: 'alpha', title: 'Alpha Engineer', category: 'Engineering', position: 1 }),
      posting({ slug: 'designer', title: 'Designer', category: 'design', position: 5 }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.category, g.postings.map((p) => p.slug)]),
      [
        ['design', ['designer']],
        ['Engineering', ['alpha', 'zeta', 'lead']],
        ['Sales', ['seller']],
      ],
    );
  });

  test('a lower position comes first even when its title sorts later', () => {
    const [group] = groupByCategory([
      posting({ slug: 'b', title: 'B', position: 10 }),
      posting({ slug: 'z', title: 'Z', position: 2 }),
    ]);
    assert.deepEqual(group?.postings.map((p) => p.slug), ['z', 'b']);
  });

  test('no postings, no groups', () => {
    assert.deepEqual(groupByCategory([]), []);
  });
});

describe('matchesQuery', () => {
  const zurich = posting({
    title: 'Data Engineer',
    location: 'Zürich',
    department: 'Platform',
    body: 'You will build Spark pipelines.',
  });

  test('is case- and accent-insensitive both ways', () => {
    assert.equal(matchesQuery(zurich, 'zurich'), true);
    assert.equal(matchesQuery(zurich, 'ZÜRICH'), true);
    assert.equal(matchesQuery(posting({ location: 'Zurich' }), 'zürich'), true);
    assert.equal(matchesQuery(zurich, 'DATA engineer'), true);
  });

  test('searches title, category, location, department and body', () => {
    for (const word of ['data', 'engineering', 'zurich', 'platform', 'spark']) {
      assert.equal(matchesQuery(zurich, word), true, word);
    }
  });

  test('every word must match', () => {
    assert.equal(matchesQuery(zurich, 'data zurich'), true);
    assert.equal(matchesQuery(zurich, 'data berlin'), false);
  });

  test('extra spaces and an empty query match everything', () => {
    assert.equal(matchesQuery(zurich, '   data    spark  '), true);
    assert.equal(matchesQuery(zurich, ''), true);
  });

  test('a posting without location or department does not match the word "undefined"', () => {
    assert.equal(matchesQuery(posting(), 'undefined'), false);
  });

  test(
    'MDX markup in the body is not searched as text',
    () => {
      const p = posting({ body: 'Intro.\n\n<common-section section-name="team"></common-section>\n' });
      assert.equal(matchesQuery(p, 'section'), false);
    },
  );
});
