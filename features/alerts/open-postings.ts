import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePostingFrontMatter } from '@/lib/content/front-matter';
import { acceptsApplications, SLUG_PATTERN } from '@/lib/content/posting';
import type { Announced } from './filters';

/**
 * The postings open to applications now, as the worker reads them: front matter only (the worker does not
 * compile MDX; the build has checked it), drafts never, and a posting dated later not before its day. A file
 * that does not parse is left to the build's checks, not announced.
 */
export async function announceablePostings({
  root = path.join(process.cwd(), 'content'),
  now = Date.now(),
}: {
  root?: string;
  now?: number;
} = {}): Promise<Announced[]> {
  const dir = path.join(root, 'postings');
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  const today = new Date(now).toISOString().slice(0, 10);
  const open: Announced[] = [];
  for (const name of names) {
    const slug = name.slice(0, -'.mdx'.length).toLowerCase();
    if (!SLUG_PATTERN.test(slug)) continue;
    try {
      const { data } = parsePostingFrontMatter(name, await fs.readFile(path.join(dir, name), 'utf8'));
      if (!acceptsApplications(data, new Date(now))) continue;
      if (data.datePosted && data.datePosted.slice(0, 10) > today) continue;
      open.push({
        postingSlug: slug,
        title: data.title,
        category: data.category,
        department: data.department ?? null,
        location: data.location ?? null,
        remote: data.remote,
      });
    } catch {
      continue;
    }
  }
  return open;
}
