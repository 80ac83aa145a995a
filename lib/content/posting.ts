import type { PostingFrontMatter } from './posting-schema';

export type Posting = PostingFrontMatter & {
  slug: string;
  /** Path relative to the project, for messages. */
  file: string;
  /** MDX body, front matter blanked so line numbers match the file. */
  body: string;
  /** Section names the body places itself. */
  sections: string[];
  /** When it was first published (lib/content/git-dates.ts): what dates it when front matter has no datePosted. */
  publishedAt: string;
  /** When its file last changed: its last commit, or the file's time while it has changes not committed. */
  updatedAt: string;
  /** Published by a change git has not recorded (or without git): dated by the file, which a checkout moves. */
  datedByFile: boolean;
};

/** The day a posting is dated by everywhere (page, feeds, sitemap order, API, alerts): its own or its first. */
export function postedOn(posting: Pick<Posting, 'datePosted' | 'publishedAt'>): string {
  return posting.datePosted ?? posting.publishedAt.slice(0, 10);
}

// A posting's slug (its file name without .mdx): one pattern for the loader, the forms, the inbox filter and
// the body limit of the posting page. Question ids have the same shape.
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
/** A posting page's path, as a request names it. */
export const POSTING_PATH = new RegExp(`^/careers/${SLUG}/?$`);

/** The end of the validThrough day (UTC) for a bare date, or the exact instant for a date-time. */
export function closesAt(posting: Pick<Posting, 'validThrough'>): Date | null {
  if (!posting.validThrough) return null;
  return posting.validThrough.length === 10
    ? new Date(`${posting.validThrough}T23:59:59.999Z`)
    : new Date(posting.validThrough);
}

export function acceptsApplications(posting: Pick<Posting, 'status' | 'validThrough'>, now = new Date()): boolean {
  if (posting.status !== 'open') return false;
  const end = closesAt(posting);
  return end === null || now <= end;
}

/** Drafts are previewable in development and invisible in production builds. */
export function isPublished(posting: Pick<Posting, 'status'>, env = process.env.NODE_ENV): boolean {
  return posting.status !== 'draft' || env !== 'production';
}

function comparePostings(a: Posting, b: Posting): number {
  return a.position - b.position || a.title.localeCompare(b.title, 'en');
}

export type CategoryGroup = { category: string; postings: Posting[] };

/** Groups by category (alphabetical), each ordered by position then title. */
export function groupByCategory(postings: readonly Posting[]): CategoryGroup[] {
  const groups = new Map<string, Posting[]>();
  for (const p of postings) groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([category, list]) => ({ category, postings: list.sort(comparePostings) }));
}

/** Case- and accent-insensitive text match over what a candidate would search for. */
export function matchesQuery(posting: Posting, query: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Search what a reader sees: tags such as <common-section section-name="…"> are markup, not text.
  const text = posting.body.replace(/<[^>]*>/g, ' ');
  const haystack = fold([posting.title, posting.category, posting.location, posting.department, text].join(' '));
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
