import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SEED } from './fixtures/apply';
import { expect, test } from './fixtures/test';

const OPEN = ['data-platform-engineer-berlin', 'product-designer-remote', 'senior-backend-engineer-remote'];

async function jobPosting(page: Page, path: string) {
  await page.goto(path);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((s) => JSON.parse(s) as Record<string, unknown>).filter((d) => d['@type'] === 'JobPosting');
}

function expectGoogleRequired(data: Record<string, unknown>, title: string) {
  expect(data['@context']).toBe('https://schema.org/');
  expect(data.title).toBe(title);
  expect(data.description).toMatch(/^<h2>/); // the rendered HTML
  expect(data.description).not.toContain('common-section');
  expect(data.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(data.hiringOrganization).toMatchObject({
    '@type': 'Organization',
    name: expect.any(String),
    sameAs: expect.stringMatching(/^https:/),
    logo: expect.stringMatching(/^http.*\/logo\.svg$/),
  });
  expect(data.identifier).toMatchObject({ '@type': 'PropertyValue', value: expect.any(String) });
  expect(data.directApply).toBe(true);
}

test('an on-site posting carries JobPosting JSON-LD with its address, salary and dates', async ({ page }) => {
  const [data, ...rest] = await jobPosting(page, '/careers/data-platform-engineer-berlin');
  expect(rest).toEqual([]);
  expectGoogleRequired(data!, 'Data Platform Engineer');
  expect(data).toMatchObject({
    datePosted: '2026-11-02',
    validThrough: '2027-03-31T23:59:59.999Z',
    employmentType: 'FULL_TIME',
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'Germany' },
    },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: { '@type': 'QuantitativeValue', minValue: 85000, maxValue: 105000, unitText: 'YEAR' },
    },
  });
  expect(data!.jobLocationType).toBeUndefined();
});

test('a remote posting is TELECOMMUTE with the places applicants may live', async ({ page }) => {
  const [data] = await jobPosting(page, '/careers/product-designer-remote');
  expectGoogleRequired(data!, 'Product Designer');
  expect(data).toMatchObject({
    jobLocationType: 'TELECOMMUTE',
    applicantLocationRequirements: [{ '@type': 'AdministrativeArea', name: 'Europe' }],
  });
  expect(data!.jobLocation).toBeUndefined();
});

test('the seed posting has JSON-LD too; a closed posting has none and asks not to be indexed', async ({ page }) => {
  const [seed] = await jobPosting(page, SEED);
  expectGoogleRequired(seed!, 'Senior Backend Engineer (Remote)');
  expect(seed!.description).toContain('<li>Write clearly');

  expect(await jobPosting(page, '/careers/solutions-engineer-new-york')).toEqual([]);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});

test('posting pages have a canonical URL and Open Graph and Twitter metadata', async ({ page }) => {
  await page.goto('/careers/data-platform-engineer-berlin');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /^https?:\/\/[^/]+\/careers\/data-platform-engineer-berlin$/,
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Data Platform Engineer/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
    'content',
    /Sellers send us more than 10 TB/,
  );
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
    'content',
    /\/careers\/data-platform-engineer-berlin$/,
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    /\/careers\/feed\.xml$/,
  );
});

test('the sitemap lists exactly the listing and the open postings; robots.txt keeps crawlers out of the admin', async ({
  request,
}) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
  expect(urls).toEqual(['/careers', ...OPEN.map((s) => `/careers/${s}`)].sort());
  expect(sitemap).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Disallow: \/admin/);
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
});

test('the RSS feed parses and lists the open postings, newest first', async ({ page, request }) => {
  const response = await request.get('/careers/feed.xml');
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const xml = await response.text();
  await page.goto('/privacy');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      version: doc.documentElement.getAttribute('version'),
      titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent),
      dates: [...doc.querySelectorAll('item > pubDate')].map((t) => Date.parse(t.textContent ?? '')),
      description: doc.querySelector('item > description')?.textContent ?? '',
    };
  }, xml);
  expect(parsed.error).toBeNull();
  expect(parsed.version).toBe('2.0');
  expect([...parsed.titles].sort()).toEqual([
    'Data Platform Engineer',
    'Product Designer',
    'Senior Backend Engineer (Remote)',
  ]);
  expect(parsed.dates.every((d, i) => i === 0 || d <= parsed.dates[i - 1]!)).toBe(true);
  expect(parsed.description).toContain('<h2>What You Will Do</h2>');
});

test('the job-board feeds list the open postings, each linking back with its board as the source', async ({
  request,
}) => {
  for (const [path, board, link] of [
    ['/careers/jobs.xml', 'indeed', 'url'],
    ['/careers/linkedin.xml', 'linkedin', 'applyUrl'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/xml');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const jobs = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'job' }).parse(xml).source
      .job as Record<string, string>[];
    // Closed, draft and expired postings are not there.
    expect(jobs.map((job) => job.title).sort()).toEqual([
      'Data Platform Engineer',
      'Product Designer',
      'Senior Backend Engineer (Remote)',
    ]);
    for (const job of jobs) {
      const url = new URL(job[link]!);
      expect(url.searchParams.get('src')).toBe(board);
      expect(job.description).toContain('<h2>');
      // The address opens the posting, whose form then records the board as the application's source.
      expect((await request.get(url.pathname + url.search)).status()).toBe(200);
    }
  }
});

test('the JSON Feed is valid JSON Feed 1.1 with the open postings, newest first', async ({ request }) => {
  const response = await request.get('/careers/feed.json');
  expect(response.headers()['content-type']).toContain('application/feed+json');
  const feed = await response.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.title).toEqual(expect.any(String));
  expect(feed.items.map((i: { title: string }) => i.title).sort()).toEqual([
    'Data Platform Engineer',
    'Product Designer',
    'Senior Backend Engineer (Remote)',
  ]);
  const dates = feed.items.map((i: { date_published: string }) => Date.parse(i.date_published));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  for (const item of feed.items) {
    expect(item.id).toMatch(/^https?:\/\//);
    expect(item.content_html).toContain('<h2>');
    expect(Date.parse(item.date_published)).not.toBeNaN();
  }
});

test('a posting without datePosted is dated by the commit that published it, the same on the page, feeds and API', async ({
  page,
  request,
}) => {
  // The build was made from a checkout whose files are all as new as the checkout: their times would date the
  // posting today on every deploy. Its first commit does not move.
  const file = 'content/postings/senior-backend-engineer-remote.mdx';
  const added = execFileSync('git', ['log', '--diff-filter=A', '--format=%cI', '--', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  const day = new Date(added).toISOString().slice(0, 10);
  expect(day < new Date().toISOString().slice(0, 10)).toBe(true);

  const [data] = await jobPosting(page, '/careers/senior-backend-engineer-remote');
  expect(data!.datePosted).toBe(day);
  const api = await (await request.get('/api/postings/senior-backend-engineer-remote')).json();
  expect(api.datePosted).toBe(day);
  const feed = await (await request.get('/careers/feed.json')).json();
  const item = feed.items.find((i: { url: string }) => i.url.endsWith('/careers/senior-backend-engineer-remote'));
  expect(item.date_published.slice(0, 10)).toBe(day);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const entry = /<loc>[^<]*\/careers\/senior-backend-engineer-remote<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/.exec(
    sitemap,
  );
  const changed = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8' }).trim();
  expect(new Date(entry![1]!).getTime()).toBe(new Date(changed).getTime());
});

test('the public API returns the open postings with HTML and questions, and 404s the rest', async ({ request }) => {
  const list = await request.get('/api/postings');
  expect(list.status()).toBe(200);
  // Readable from a browser on the sites in EMBED_ORIGINS only (e2e/embed.spec.ts).
  expect(list.headers()['access-control-allow-origin']).toBeUndefined();
  expect(list.headers()['cache-control']).toMatch(/max-age=\d+/);
  const { count, postings } = await list.json();
  expect(count).toBe(3);
  expect(postings.map((p: { slug: string }) => p.slug).sort()).toEqual(OPEN);

  const seed = await (await request.get('/api/postings/senior-backend-engineer-remote')).json();
  expect(seed).toMatchObject({
    slug: 'senior-backend-engineer-remote',
    title: 'Senior Backend Engineer (Remote)',
    category: 'Open Positions',
    position: 2,
    questions: [],
  });
  expect(seed.html).toContain('<li>Not be afraid of contributing');
  expect(seed.file).toBeUndefined();
  expect(seed.body).toBeUndefined();

  const berlin = await (await request.get('/api/postings/data-platform-engineer-berlin')).json();
  expect(berlin.questions.map((q: { id: string }) => q.id)).toEqual([
    'work-authorization',
    'spark-years',
    'notice-period',
    'connectors',
    'proudest-pipeline',
  ]);

  for (const slug of ['no-such-posting', 'solutions-engineer-new-york', 'engineering-manager-platform']) {
    const missing = await request.get(`/api/postings/${slug}`);
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  }
});
