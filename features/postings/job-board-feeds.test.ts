import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { site } from '@/lib/site';
import { indeedFeed, linkedinFeed, salaryText } from './job-board-feeds';
import type { PublicPosting } from './public-posting';

const BODY = `<h2>What you will do</h2><p>${'Build the pipelines our customers rely on. '.repeat(4)}</p><p>a ]]> b</p>`;

const posting = (overrides: Partial<PublicPosting>): PublicPosting => ({
  slug: 'data-platform-engineer-berlin',
  url: 'https://careers.example.com/careers/data-platform-engineer-berlin',
  applyUrl: 'https://careers.example.com/careers/data-platform-engineer-berlin#apply',
  title: 'Data & <Platform> Engineer',
  category: 'Engineering',
  position: 1,
  location: 'Berlin, Germany',
  remote: false,
  employmentType: 'FULL_TIME',
  department: 'Data',
  datePosted: '2026-11-02',
  validThrough: '2027-01-31',
  salary: { currency: 'EUR', min: 70000, max: 90000, unit: 'YEAR' },
  status: 'open',
  updatedAt: '2026-11-02T00:00:00.000Z',
  html: BODY,
  questions: [],
  ...overrides,
});

const POSTINGS = [
  posting({}),
  posting({
    slug: 'senior-backend-engineer-remote-anywhere-in-the-european-union',
    url: 'https://careers.example.com/careers/senior-backend-engineer-remote',
    title: 'Senior Backend Engineer (Remote)',
    location: 'Europe',
    remote: true,
    employmentType: null,
    department: null,
    validThrough: null,
    salary: null,
  }),
  posting({
    slug: 'solutions-engineer',
    title: 'Solutions Engineer',
    location: 'New York, NY, United States',
    salary: { currency: 'USD', min: 60, unit: 'HOUR' },
  }),
];

// A real XML parser: the document is well-formed, and each job has what the format requires, in CDATA where
// it is text (so markup in a title or a body never breaks the feed).
const parse = (xml: string) => {
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'job' }).parse(xml);
  return parsed.source as Record<string, unknown> & { job: Record<string, unknown>[] };
};

test("Indeed's feed: every job with the fields Indeed requires, the board named in its address", () => {
  const source = parse(indeedFeed(POSTINGS, new Date('2026-12-04T10:00:00Z')));
  assert.equal(source.publisher, site.companyName);
  assert.equal(source.lastBuildDate, 'Fri, 04 Dec 2026 10:00:00 GMT');
  assert.equal(source.job.length, 3);
  for (const job of source.job) {
    for (const field of ['title', 'date', 'referencenumber', 'url', 'company', 'country', 'description']) {
      assert.ok(String(job[field] ?? '').length > 0, `${field} of ${job.title}`);
    }
    assert.match(String(job.url), /\?src=indeed$/);
    assert.ok(!Number.isNaN(Date.parse(String(job.date))));
  }
  const [berlin, remote, newYork] = source.job;
  assert.deepEqual(
    [berlin!.title, berlin!.city, berlin!.country, berlin!.jobtype, berlin!.salary, berlin!.remotetype],
    ['Data & <Platform> Engineer', 'Berlin', 'Germany', 'fulltime', 'EUR 70,000–90,000 per year', ''],
  );
  assert.equal(berlin!.description, BODY, 'the HTML whole, "]]>" included');
  assert.deepEqual(
    [remote!.city, remote!.country, remote!.remotetype],
    ['', site.headquarters.addressCountry, 'Fully remote'],
  );
  assert.deepEqual([newYork!.city, newYork!.state, newYork!.country], ['New York', 'NY', 'United States']);
  assert.equal(newYork!.salary, 'USD from 60 per hour');
});

test("LinkedIn's feed: every job with the fields LinkedIn requires, ids of at most 40 characters", () => {
  const source = parse(linkedinFeed(POSTINGS, { now: new Date('2026-12-04T10:00:00Z'), companyId: '1234' }));
  assert.equal(source.expectedJobCount, '3');
  for (const job of source.job) {
    for (const field of ['partnerJobId', 'company', 'companyId', 'title', 'description', 'applyUrl', 'location']) {
      assert.ok(String(job[field] ?? '').length > 0, `${field} of ${job.title}`);
    }
    assert.ok(String(job.partnerJobId).length <= 40);
    assert.ok(String(job.description).length >= 100, 'LinkedIn wants a description of at least 100 characters');
    assert.match(String(job.applyUrl), /\?src=linkedin$/);
  }
  const [berlin, remote] = source.job;
  assert.equal(berlin!.workplaceTypes, 'On-site');
  assert.equal(berlin!.jobtype, 'FULL_TIME');
  assert.equal(berlin!.expirationDate, '2027-01-31T00:00:00.000Z');
  assert.deepEqual(berlin!.salaries, {
    salary: {
      highEnd: { amount: '90000', currencyCode: 'EUR' },
      lowEnd: { amount: '70000', currencyCode: 'EUR' },
      period: 'YEARLY',
      type: 'BASE_SALARY',
    },
  });
  assert.deepEqual([remote!.workplaceTypes, remote!.location, remote!.jobtype], ['Remote', 'Europe', undefined]);
  // Without a company id configured, none is sent.
  assert.equal(parse(linkedinFeed(POSTINGS, { companyId: '' })).job[0]!.companyId, undefined);
});

test('a salary reads as boards show it', () => {
  assert.equal(salaryText(null), '');
  assert.equal(salaryText({ currency: 'GBP', max: 50000, unit: 'YEAR' }), 'GBP up to 50,000 per year');
});

test('an empty list is a valid feed with no job', () => {
  assert.deepEqual(parse(indeedFeed([])).job ?? [], []);
  assert.equal(parse(linkedinFeed([])).expectedJobCount, '0');
});
