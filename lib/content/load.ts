import fs from 'node:fs/promises';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import type { CommonSectionsOptions } from './common-sections-plugin';
import { ContentError, ContentErrors } from './content-error';
import { parsePostingFrontMatter } from './front-matter';
import { postingFileDates } from './git-dates';
import { bodyPlugins } from './pipeline';
import { SLUG_PATTERN, type Posting } from './posting';

export type Content = {
  postings: Posting[];
  /** Section name → MDX source. */
  sections: Map<string, string>;
};

/**
 * Reads and validates every posting and section under `root` (normally `content/`). Collects all problems
 * and throws them together, so `next build` and `npm run content:check` list everything wrong at once.
 */
export async function loadContent(root: string): Promise<Content> {
  const errors: ContentError[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  const sectionsDir = path.join(root, 'sections');
  const postingsDir = path.join(root, 'postings');

  const sections = new Map<string, string>();
  for (const name of await mdxFiles(sectionsDir)) {
    sections.set(name.replace(/\.mdx$/, ''), await fs.readFile(path.join(sectionsDir, name), 'utf8'));
  }
  const known = [...sections.keys()].sort();
  for (const [name, source] of sections) {
    const file = rel(path.join(sectionsDir, `${name}.mdx`));
    await checkMdx(file, source, { known, file, inSection: true }, errors);
  }

  const postings: Posting[] = [];
  const seen = new Map<string, string>();
  const names = await mdxFiles(postingsDir);
  const dates = await postingFileDates(postingsDir, names);
  for (const name of names) {
    const full = path.join(postingsDir, name);
    const file = rel(full);
    const slug = name.replace(/\.mdx$/, '').toLowerCase();
    if (!SLUG_PATTERN.test(slug)) {
      errors.push(new ContentError(file, undefined, `file name must be a URL slug: letters, digits and single hyphens, like senior-backend-engineer.mdx (the URL is lower case)`));
      continue;
    }
    if (seen.has(slug)) {
      errors.push(new ContentError(file, undefined, `duplicate slug "${slug}": ${seen.get(slug)} already uses it`));
      continue;
    }
    seen.set(slug, file);
    const source = await fs.readFile(full, 'utf8');
    const { publishedAt, updatedAt, datedByFile } = dates.get(name)!;
    try {
      const { data, body } = parsePostingFrontMatter(file, source);
      const used = new Set<string>();
      await checkMdx(file, body, { known, file, used }, errors);
      postings.push({ ...data, slug, file, body, sections: [...used], publishedAt, updatedAt, datedByFile });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw new ContentErrors(errors);
  return { postings, sections };
}

async function mdxFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return entries.filter((e) => e.endsWith('.mdx')).sort();
}

/** Compiles the MDX once to catch syntax errors and unknown sections with their line. */
async function checkMdx(file: string, source: string, options: CommonSectionsOptions, errors: ContentError[]) {
  try {
    await compile(new VFile({ path: file, value: source }), { remarkPlugins: bodyPlugins(options) });
  } catch (error) {
    if (error instanceof ContentError) errors.push(error);
    else {
      const e = error as { line?: number; reason?: string; message?: string };
      const reason = e.reason ?? e.message ?? String(error);
      // Some MDX errors carry their position only in the text, as "(9:1-9:6)".
      const line = e.line ?? Number(/\((\d+):\d+/.exec(reason)?.[1]);
      errors.push(new ContentError(file, line || undefined, `MDX syntax error: ${reason}`));
    }
  }
}
