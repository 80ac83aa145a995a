import 'server-only';
import path from 'node:path';
import { loadContent, type Content } from './load';
import { isPublished, type Posting } from './posting';

// Content is read once per server process: postings are deployed with the code, so they cannot change under it.
// In development every request re-reads, so edits show up on refresh.
let cached: Promise<Content> | undefined;

function content(): Promise<Content> {
  if (process.env.NODE_ENV === 'development' || !cached) {
    cached = loadContent(path.join(process.cwd(), 'content'));
  }
  return cached;
}

/** Every posting a visitor may see: drafts only outside production builds. */
export async function listPostings(): Promise<Posting[]> {
  return (await content()).postings.filter((p) => isPublished(p));
}

/** Every posting, drafts and closed ones included: for the admin, whose applications may predate a change. */
export async function listAllPostings(): Promise<Posting[]> {
  return (await content()).postings;
}

export async function getPosting(slug: string): Promise<Posting | undefined> {
  return (await listPostings()).find((p) => p.slug === slug);
}

export async function getSectionSource(name: string): Promise<string | undefined> {
  return (await content()).sections.get(name);
}

export async function listSectionNames(): Promise<string[]> {
  return [...(await content()).sections.keys()].sort();
}
