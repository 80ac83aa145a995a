import 'server-only';
import path from 'node:path';
import { buildCache } from './build-cache';
import { postingHtml } from './html';
import { loadContent, type Content } from './load';
import { resolveSection, type ResolvedSection } from './pipeline';
import { acceptsApplications, isPublished, postedOn, type Posting } from './posting';
import { postingVersionOf, type PostingVersion } from './posting-version';

const loaded = buildCache<Content>();
const rendered = buildCache<string>();
const versions = buildCache<PostingVersion>();

/** Every posting and section, read and checked once per server process (per request in development). */
function content(): Promise<Content> {
  return loaded('content', () => loadContent(path.join(process.cwd(), 'content')));
}

/** Every posting a visitor may see: drafts only outside production builds. */
export async function listPostings(): Promise<Posting[]> {
  return (await content()).postings.filter((p) => isPublished(p));
}

/** Every posting, drafts and closed ones included: for the admin, whose applications may predate a change. */
export async function listAllPostings(): Promise<Posting[]> {
  return (await content()).postings;
}

/** Postings taking applications now, newest first: what feeds, the sitemap and the public API list. */
export async function listOpenPostings(now = new Date()): Promise<Posting[]> {
  return (await listPostings())
    .filter((p) => acceptsApplications(p, now))
    .sort(
      (a, b) =>
        postedOn(b).localeCompare(postedOn(a)) ||
        b.publishedAt.localeCompare(a.publishedAt) ||
        a.title.localeCompare(b.title, 'en'),
    );
}

export async function getPosting(slug: string): Promise<Posting | undefined> {
  return (await listPostings()).find((p) => p.slug === slug);
}

/** A section placed in a posting: its source and the plugins to render it with. */
export async function getSection(name: string, asListItems: boolean): Promise<ResolvedSection> {
  return resolveSection((await content()).sections, name, asListItems);
}

export async function listSectionNames(): Promise<string[]> {
  return [...(await content()).sections.keys()].sort();
}

/** The posting as plain HTML with its sections inlined (no form), for structured data, feeds and the API. */
export async function getPostingHtml(posting: Posting): Promise<string> {
  const { sections } = await content();
  return rendered(posting.slug, () => postingHtml(posting, sections));
}

/** The posting as a candidate reads it now, sections written out, with its hash: stored with each application. */
export async function getPostingVersion(posting: Posting): Promise<PostingVersion> {
  const { sections } = await content();
  return versions(posting.slug, async () => postingVersionOf(posting, sections));
}

/** A one-sentence summary for search results and link previews: the posting's first paragraph, shortened. */
export async function getPostingSummary(posting: Posting): Promise<string> {
  const html = await getPostingHtml(posting);
  const first = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const text = decodeEntities(first.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Undoes the character references rehype-stringify writes (`&#x26;`, `&#60;`, `&amp;`). */
function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return NAMED[ref.toLowerCase()] ?? match;
  });
}
