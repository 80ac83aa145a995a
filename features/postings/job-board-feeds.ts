import { absoluteUrl, site } from '@/lib/site';
import { postalAddress } from './job-posting';
import type { PublicPosting } from './public-posting';
import { cdata, escapeXml } from './xml';

// The open postings in the XML formats job boards pull: Indeed's (read by most aggregators) at
// /careers/jobs.xml and LinkedIn's job wrapping at /careers/linkedin.xml. Each posting's address carries the
// board's name as `?src=`, so the inbox and the dashboard show which board brought each application.

export const JOB_BOARDS = { indeed: 'indeed', linkedin: 'linkedin' } as const;

/** A posting's address as a board links to it. */
export const boardUrl = (posting: PublicPosting, board: keyof typeof JOB_BOARDS) =>
  `${posting.url}?src=${JOB_BOARDS[board]}`;

/** Where the posting is, as boards ask for it: a city and a country, or none for a posting open to anywhere. */
function place(posting: PublicPosting): { city: string; region: string; country: string } {
  if (posting.remote) return { city: '', region: '', country: site.headquarters.addressCountry };
  const address = postalAddress(posting.location ?? undefined);
  return {
    city: address.addressLocality ?? '',
    region: address.addressRegion ?? '',
    country: address.addressCountry ?? site.headquarters.addressCountry,
  };
}

/** "EUR 70000–90000 per year": boards show the salary as text. */
export function salaryText(salary: PublicPosting['salary']): string {
  if (!salary) return '';
  const amount = (n: number) => n.toLocaleString('en');
  const range =
    salary.min !== undefined && salary.max !== undefined
      ? `${amount(salary.min)}–${amount(salary.max)}`
      : salary.min !== undefined
        ? `from ${amount(salary.min)}`
        : `up to ${amount(salary.max!)}`;
  return `${salary.currency} ${range} per ${salary.unit.toLowerCase()}`;
}

const INDEED_JOB_TYPES: Record<string, string> = {
  FULL_TIME: 'fulltime',
  PART_TIME: 'parttime',
  CONTRACTOR: 'contract',
  TEMPORARY: 'temporary',
  INTERN: 'internship',
  VOLUNTEER: 'volunteer',
  PER_DIEM: 'perdiem',
};

const element = (name: string, value: string) => `      <${name}>${cdata(value)}</${name}>`;

/** Indeed's XML job feed (https://docs.indeed.com/indeed-apply/xml-feed): one `job` per open posting. */
export function indeedFeed(postings: readonly PublicPosting[], now = new Date()): string {
  const jobs = postings.map((p) => {
    const { city, region, country } = place(p);
    return [
      '    <job>',
      element('title', p.title),
      element('date', new Date(p.datePosted).toUTCString()),
      element('referencenumber', p.slug),
      element('requisitionid', p.slug),
      element('url', boardUrl(p, 'indeed')),
      element('company', site.companyName),
      element('sourcename', site.companyName),
      element('city', city),
      element('state', region),
      element('country', country),
      element('description', p.html),
      element('salary', salaryText(p.salary)),
      element('jobtype', p.employmentType ? (INDEED_JOB_TYPES[p.employmentType] ?? '') : ''),
      element('category', p.department ?? p.category),
      element('remotetype', p.remote ? 'Fully remote' : ''),
      ...(p.validThrough ? [element('expirationdate', new Date(p.validThrough).toUTCString())] : []),
      '    </job>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<source>
  <publisher>${escapeXml(site.companyName)}</publisher>
  <publisherurl>${escapeXml(absoluteUrl('/careers'))}</publisherurl>
  <lastBuildDate>${now.toUTCString()}</lastBuildDate>
${jobs.join('\n')}
</source>
`;
}

const LINKEDIN_JOB_TYPES: Record<string, string> = {
  FULL_TIME: 'FULL_TIME',
  PART_TIME: 'PART_TIME',
  CONTRACTOR: 'CONTRACT',
  TEMPORARY: 'TEMPORARY',
  INTERN: 'INTERNSHIP',
  VOLUNTEER: 'VOLUNTEER',
};

const PERIODS: Record<string, string> = {
  HOUR: 'HOURLY',
  DAY: 'DAILY',
  WEEK: 'WEEKLY',
  MONTH: 'MONTHLY',
  YEAR: 'YEARLY',
};

/**
 * LinkedIn's XML feed for job wrapping (Basic Jobs): `companyId` when LINKEDIN_COMPANY_ID is set (LinkedIn asks
 * it of applicant tracking systems), the workplace type, and the salary range.
 */
export function linkedinFeed(
  postings: readonly PublicPosting[],
  { now = new Date(), companyId = process.env.LINKEDIN_COMPANY_ID }: { now?: Date; companyId?: string } = {},
): string {
  const jobs = postings.map((p) => {
    const { city, region, country } = place(p);
    const salary = p.salary;
    return [
      '    <job>',
      // At most 40 characters: a slug longer than that is cut, still unique enough for one company's postings.
      element('partnerJobId', p.slug.slice(0, 40)),
      element('company', site.companyName),
      ...(companyId ? [element('companyId', companyId)] : []),
      element('title', p.title),
      element('description', p.html),
      element('applyUrl', boardUrl(p, 'linkedin')),
      element('location', p.location ?? [city, country].filter(Boolean).join(', ')),
      element('city', city),
      element('state', region),
      element('country', country),
      element('workplaceTypes', p.remote ? 'Remote' : 'On-site'),
      ...(p.employmentType && LINKEDIN_JOB_TYPES[p.employmentType]
        ? [element('jobtype', LINKEDIN_JOB_TYPES[p.employmentType]!)]
        : []),
      element('listDate', new Date(p.datePosted).toISOString()),
      ...(p.validThrough ? [element('expirationDate', new Date(p.validThrough).toISOString())] : []),
      ...(salary
        ? [
            '      <salaries>',
            '        <salary>',
            ...(salary.max !== undefined
              ? [
                  `          <highEnd><amount>${salary.max}</amount><currencyCode>${salary.currency}</currencyCode></highEnd>`,
                ]
              : []),
            ...(salary.min !== undefined
              ? [
                  `          <lowEnd><amount>${salary.min}</amount><currencyCode>${salary.currency}</currencyCode></lowEnd>`,
                ]
              : []),
            `          <period>${PERIODS[salary.unit]}</period>`,
            '          <type>BASE_SALARY</type>',
            '        </salary>',
            '      </salaries>',
          ]
        : []),
      '    </job>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<source>
  <lastBuildDate>${now.toUTCString()}</lastBuildDate>
  <publisherUrl>${escapeXml(absoluteUrl('/careers'))}</publisherUrl>
  <publisher>${escapeXml(site.companyName)}</publisher>
  <expectedJobCount>${postings.length}</expectedJobCount>
${jobs.join('\n')}
</source>
`;
}
