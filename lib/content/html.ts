import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { bodyPlugins, resolveSection } from './pipeline';
import type { Posting } from './posting';

/**
 * A posting as plain HTML, shared sections inlined: for JSON-LD, feeds and the public API, where React
 * components cannot run. The apply form is left out; its section's text stays.
 */
export async function postingHtml(posting: Pick<Posting, 'body' | 'file'>, sections: ReadonlyMap<string, string>): Promise<string> {
  const sectionTree = (name: string, asListItems: boolean): Root => {
    const { source, remarkPlugins } = resolveSection(sections, name, asListItems);
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);
    return processor.runSync(processor.parse(source)) as Root;
  };
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(bodyPlugins({ known: [...sections.keys()], file: posting.file }))
    .use(() => (tree: Root) => inlineSections(tree, sectionTree))
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(posting.body);
  return String(file).trim();
}

function inlineSections(tree: Root, sectionTree: (name: string, asListItems: boolean) => Root) {
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'mdxJsxFlowElement' && child.name === 'CommonSection') {
        const attribute = (name: string) => (child as MdxJsxFlowElement).attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
        return sectionTree(String(attribute('name')?.value), attribute('asListItems') !== undefined).children;
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
