import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './content-error';
import { postingFrontMatterSchema, type PostingFrontMatter } from './posting-schema';

const FENCE = /^---\s*$/;

export type SplitSource = {
  /** The YAML between the fences, or null when the file has none. */
  yaml: string | null;
  /** The MDX body with the front matter blanked out, so line numbers still match the file. */
  body: string;
};

export function splitFrontMatter(source: string): SplitSource {
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return { yaml: null, body: source };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) return { yaml: null, body: source };
  return {
    yaml: lines.slice(1, end).join('\n'),
    body: lines.map((line, i) => (i <= end ? '' : line)).join('\n'),
  };
}

/** Parses and validates a posting's front matter; every problem names the file, the line and the field. */
export function parsePostingFrontMatter(file: string, source: string): { data: PostingFrontMatter; body: string } {
  const { yaml, body } = splitFrontMatter(source);
  if (yaml === null) {
    throw new ContentError(file, 1, 'expected YAML front matter between --- lines with at least title, position and category');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  // The YAML starts on the file's second line, after the opening fence.
  const fileLine = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line + 1);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new ContentError(file, fileLine(first.pos[0]), `front matter is not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ContentError(file, 2, 'front matter must be a list of `field: value` lines, like `title: Data Engineer`');
  }
  const parsed = postingFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is reported on its map; point at the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    throw new ContentError(file, lineOf(doc.contents, path, fileLine) ?? 2, describeIssue(issue, valueAt(raw, issue.path)));
  }
  return { data: parsed.data, body };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return `unknown front matter field ${issue.keys.map((k) => `"${k}"`).join(', ')}${field ? ` in ${field}` : ''}; expected only ${Object.keys(postingFrontMatterSchema.shape).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && value === undefined) {
    return `missing required front matter field "${field}"`;
  }
  return `front matter field "${field || '(root)'}": ${issue.message}`;
}

function lineOf(
  root: unknown,
  path: readonly PropertyKey[],
  fileLine: (offset: number | undefined) => number | undefined,
): number | undefined {
  let node = root as Node | null | undefined;
  let line = fileLine((node as Node | undefined)?.range?.[0]);
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key] as Node | null;
      line = fileLine(node?.range?.[0]) ?? line;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) break;
    line = fileLine((pair.key as Node).range?.[0]) ?? line;
    node = pair.value as Node | null;
  }
  return line;
}
