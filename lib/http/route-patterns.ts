// The route patterns of the app/ tree (`/careers/[slug]`), and which one a request's path is: metrics and logs
// name a request by its pattern, never by its path, which holds candidates' private tokens and search terms, and
// whose every variant would be a time series of its own.
import fs from 'node:fs';
import path from 'node:path';

/** What a path outside every pattern is counted as: Next answers it with its 404 page. */
export const UNMATCHED = 'unmatched';

// Files that make a URL: a page, a route handler, and the metadata files this site uses.
const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/;
const METADATA_FILE: Record<string, string> = {
  'robots.ts': 'robots.txt',
  'sitemap.ts': 'sitemap.xml',
  'manifest.ts': 'manifest.webmanifest',
  'icon.svg': 'icon.svg',
  'favicon.ico': 'favicon.ico',
};

/** Patterns from file paths relative to app/ (`admin/(signed-in)/page.tsx` → `/admin`). */
export function routePatternsFrom(files: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const file of files) {
    const parts = file.split(/[\\/]/);
    const name = parts.pop() ?? '';
    // Route groups and parallel slots do not show in the URL; a private folder is not routed at all.
    if (parts.some((part) => part.startsWith('_'))) continue;
    const segments = parts.filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith('@'));
    if (ROUTE_FILE.test(name)) patterns.add(`/${segments.join('/')}`);
    else if (METADATA_FILE[name]) patterns.add(`/${[...segments, METADATA_FILE[name]].join('/')}`);
  }
  return [...patterns].sort();
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

type Segment = { kind: 'static'; value: string } | { kind: 'dynamic' } | { kind: 'catch-all'; optional: boolean };

function parse(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter(Boolean)
    .map((part): Segment => {
      if (part.startsWith('[[...')) return { kind: 'catch-all', optional: true };
      if (part.startsWith('[...')) return { kind: 'catch-all', optional: false };
      if (part.startsWith('[')) return { kind: 'dynamic' };
      return { kind: 'static', value: part };
    });
}

// Next's precedence, segment by segment: a static segment before a dynamic one before a catch-all.
const RANK = { static: 0, dynamic: 1, 'catch-all': 2 } as const;

function compare(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (!x || !y) return x ? 1 : -1;
    const difference = RANK[x.kind] - RANK[y.kind];
    if (difference) return difference;
  }
  return 0;
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (const [i, segment] of segments.entries()) {
    if (segment.kind === 'catch-all') return segment.optional || parts.length > i;
    if (i >= parts.length) return false;
    if (segment.kind === 'static' && segment.value !== parts[i]) return false;
  }
  return parts.length === segments.length;
}

/**
 * A function from a request's path to its pattern. Next's own files are counted by what they are, not by name
 * (`/_next/static`, `/_next/image`); files of public/ are `/public`.
 */
export function routeMatcher(patterns: readonly string[], publicFiles: readonly string[] = []) {
  const ordered = patterns
    .map((pattern) => ({ pattern, segments: parse(pattern) }))
    .sort((a, b) => compare(a.segments, b.segments));
  // Most requests name a page with no parameter: found at once, not by walking the list.
  const exact = new Set(patterns.filter((pattern) => !pattern.includes('[')));
  const statics = new Set(publicFiles.map((file) => `/${file.split(path.sep).join('/')}`));
  return (pathname: string): string => {
    const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    if (exact.has(trimmed)) return trimmed;
    if (trimmed.startsWith('/_next/')) {
      const [, , area] = trimmed.split('/');
      return area === 'static' || area === 'image' || area === 'data' ? `/_next/${area}` : '/_next';
    }
    if (statics.has(trimmed)) return '/public';
    const parts = trimmed.split('/').filter(Boolean);
    return ordered.find(({ segments }) => matches(segments, parts))?.pattern ?? UNMATCHED;
  };
}
