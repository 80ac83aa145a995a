import crypto from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { bodyPlugins, resolveSection } from './pipeline';
import type { Posting } from './posting';
import { postingFrontMatterSchema, type PostingFrontMatter } from './posting-schema';

/** A posting as a candidate read it: its front matter, and its body with every shared section written out. */
export type PostingVersion = {
  hash: string;
  postingSlug: string;
  frontMatter: Record<string, unknown>;
  body: string;
};

/**
 * The version of a posting a candidate applies to. Shared sections are content that changes on its own, so
 * their text is written into the body where the posting places them (as the page renders them: inside a
 * list, a section's items join the list), and the hash covers the slug, the front matter and that body.
 * The same text gives the same hash, so each version is stored once.
 */
// The hiring team's own settings: no candidate reads them, and a change to them is not a new version of the
// posting (nor should staff addresses be copied into every version).
const TEAM_ONLY_KEYS: ReadonlySet<string> = new Set(['hiringTeam', 'scorecard']);

export function postingVersionOf(
  posting: PostingFrontMatter & Pick<Posting, 'slug' | 'body' | 'file'>,
  sections: ReadonlyMap<string, string>,
): PostingVersion {
  const frontMatter = Object.fromEntries(
    Object.keys(postingFrontMatterSchema.shape).flatMap((key) => {
      if (TEAM_ONLY_KEYS.has(key)) return [];
      const value = posting[key as keyof PostingFrontMatter];
      return value === undefined ? [] : [[key, value]];
    }),
  );
  const body = expandSections(posting, sections);
  const hash = crypto
    .createHash('sha256')
    .update(canonicalJson({ slug: posting.slug, frontMatter, body }))
    .digest('hex');
  return { hash, postingSlug: posting.slug, frontMatter, body };
}

function expandSections(posting: Pick<Posting, 'body' | 'file'>, sections: ReadonlyMap<string, string>): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(bodyPlugins({ known: [...sections.keys()], file: posting.file }));
  const tree = processor.runSync(processor.parse(posting.body)) as Root;
  const sectionTree = (name: string, asListItems: boolean): Root => {
    const { source, remarkPlugins } = resolveSection(sections, name, asListItems);
    const parser = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);
    return parser.runSync(parser.parse(source)) as Root;
  };
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'mdxJsxFlowElement' && child.name === 'CommonSection') {
        const attribute = (name: string) =>
          (child as MdxJsxFlowElement).attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
        return sectionTree(String(attribute('name')?.value), attribute('asListItems') !== undefined).children;
      }
      if ('children' in child) walk(child as { children: RootContent[] });
      return [child];
    });
  };
  walk(tree);
  // remark-mdx registers how to write its JSX back as MDX.
  const { toMarkdownExtensions: extensions = [] } = processor.data() as ToMarkdownOptions & {
    toMarkdownExtensions?: ToMarkdownOptions['extensions'];
  };
  return toMarkdown(tree, { extensions, bullet: '-', emphasis: '_' });
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
