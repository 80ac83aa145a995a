import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkCommonSections, remarkSectionAsListItems } from './common-sections-plugin';
import type { Posting } from './posting';

/**
 * A posting as plain HTML, shared sections inlined: for JSON-LD, feeds and the public API, where React
 * components cannot run. The apply form is left out; its section's text stays.
 */
export async function postingHtml(posting: Pick<Posting, 'body' | 'file'>, sections: ReadonlyMap<string, string>): Promise<string> {
  const parse = (source: string) => unified().use(remarkParse).use(remarkMdx).parse(source) as Root;
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkCommonSections, { known: [...sections.keys()], file: posting.file })
    .use(() => (tree: Root) => inlineSections(tree, (name) => parse(sections.get(name) ?? '')))
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(posting.body);
  return String(file).trim();
}

function inlineSections(tree: Root, section: (name: string) => Root) {
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'mdxJsxFlowElement' && child.name === 'CommonSection') {
        const element = child as MdxJsxFlowElement;
        const name = String(element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value);
        const root = section(name);
        if (element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'asListItems')) {
          remarkSectionAsListItems()(root);
        }
        return root.children;
      }
      // Other JSX (say <abbr>) keeps its text; expressions and imports are code, not text.
      if (child.type === 'mdxJsxTextElement' || child.type === 'mdxJsxFlowElement') {
        const wrapper = { children: (child as { children: RootContent[] }).children };
        walk(wrapper);
        return wrapper.children;
      }
      if (child.type.startsWith('mdx')) return [];
      if ('children' in child) walk(child as { children: RootContent[] });
      return [child];
    });
  };
  walk(tree);
}
