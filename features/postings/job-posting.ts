import { acceptsApplications, closesAt, isPublished, postedOn, type Posting } from '@/lib/content/posting';
import { absoluteUrl, site } from '@/lib/site';

/**
 * schema.org JobPosting for Google's job search: the required properties (title, description, datePosted,
 * hiringOrganization, jobLocation or TELECOMMUTE) and the recommended ones we have. Only for postings that
 * take applications; closed and draft postings get none, so they drop out of job search.
 */
export function jobPostingJsonLd(
  posting: Posting,
  descriptionHtml: string,
  now = new Date(),
): Record<string, unknown> | null {
  if (!isPublished(posting, 'production') || !acceptsApplications(posting, now)) return null;
  const url = absoluteUrl(`/careers/${posting.slug}`);
  const end = closesAt(posting);
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: posting.title,
    description: descriptionHtml,
    datePosted: postedOn(posting),
    ...(end ? { validThrough: end.toISOString() } : {}),
    ...(posting.employmentType ? { employmentType: posting.employmentType } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: site.companyName,
      sameAs: site.homepage,
      logo: absoluteUrl(site.logoPath),
    },
    ...location(posting),
    ...(posting.salary ? { baseSalary: baseSalary(posting.salary) } : {}),
    identifier: { '@type': 'PropertyValue', name: site.companyName, value: posting.slug },
    directApply: true,
    url,
    ...(posting.department ? { occupationalCategory: posting.department } : {}),
  };
}

function location(posting: Posting): Record<string, unknown> {
  if (posting.remote) {
    return {
      jobLocationType: 'TELECOMMUTE',
      // Where candidates may live; "Remote" alone says nothing, so it falls back to the head office's country.
      applicantLocationRequirements: posting.location
        ? posting.location
            .split(/\s*(?:,|;|\bor\b|\band\b)\s*/)
            .filter(Boolean)
            .map((name) => ({ '@type': 'AdministrativeArea', name }))
        : [{ '@type': 'Country', name: site.headquarters.addressCountry }],
    };
  }
  return {
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', ...postalAddress(posting.location) } },
  };
}

/** "Berlin, Germany" → locality and country; "New York, NY, United States" → locality, region and country. */
export function postalAddress(location: string | undefined): Record<string, string> {
  if (!location) return { ...site.headquarters };
  const parts = location
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1) return { addressLocality: parts[0]!, addressCountry: site.headquarters.addressCountry };
  if (parts.length === 2) return { addressLocality: parts[0]!, addressCountry: parts[1]! };
  return { addressLocality: parts[0]!, addressRegion: parts.slice(1, -1).join(', '), addressCountry: parts.at(-1)! };
}

function baseSalary(salary: NonNullable<Posting['salary']>) {
  return {
    '@type': 'MonetaryAmount',
    currency: salary.currency,
    value: {
      '@type': 'QuantitativeValue',
      ...(salary.min !== undefined && salary.max !== undefined && salary.min !== salary.max
        ? { minValue: salary.min, maxValue: salary.max }
        : { value: salary.min ?? salary.max }),
      unitText: salary.unit,
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so text can never close the script. */
export const serializeJsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');
