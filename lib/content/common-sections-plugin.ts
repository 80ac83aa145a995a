import type { List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { EXIT, visitParents } from 'unist-util-visit-parents';
import { ContentError } from './content-error';

export type CommonSectionsOptions = {
  /** Names of the files in content/sections, without `.mdx`. */
  known: readonly string[];
  /** The file being compiled, for error messages. */
  file: string;
  /** Sections themselves may not place sections: it rules out cycles. */
  inSection?: boolean;
  /** Collects the names used, so callers can tell whether the posting placed its own apply-now section. */
  used?: Set<string>;
};

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const TAGS = new Set(['common-section', 'CommonSection']);
/** The section that renders the application form after its text. */
export const FORM_SECTION = 'apply-now';

/**
 * MDX treats a lowercase, hyphenated tag such as `<common-section>` as plain HTML and never looks it up in
 * the components map. This plugin renames it to `<CommonSection name="…">`, checks the name against the
 * known sections, and lifts it out of the paragraph Markdown wraps it in (a block inside `<p>` is invalid
 * HTML). Inside a list item it becomes part of the list: the section renders as further items.
 */
export function remarkCommonSections(options: CommonSectionsOptions) {
  return (tree: Root) => {
    // One element at a time, searching afresh after each move: placing one rewrites the tree around it,
    // so ancestors collected earlier for a second element in the same paragraph would be stale.
    const done = new WeakSet<JsxElement>();
    let placedForm = false;
    for (;;) {
      let next: { node: JsxElement; ancestors: Parent[] } | undefined;
      visitParents(tree, (node, ancestors) => {
        if (
          (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
          TAGS.has(node.name ?? '') &&
          !done.has(node)
        ) {
          next = { node, ancestors: [...ancestors] };
          return EXIT;
        }
      });
      if (!next) return;
      const { node, ancestors } = next;
      done.add(node);
      const name = sectionName(node, options);
      if (name === FORM_SECTION) {
        // It renders the application form: inside a list it would become list items and lose the form,
        // and twice would mean two forms with the same field ids.
        const line = node.position?.start.line;
        if (ancestors.some((a) => a.type === 'listItem')) {
          throw new ContentError(options.file, line, `the "${FORM_SECTION}" section holds the application form and must stand on its own line, not inside a list`);
        }
        if (placedForm) throw new ContentError(options.file, line, `the "${FORM_SECTION}" section is placed twice; place it once`);
        placedForm = true;
      }
      options.used?.add(name);
      node.name = 'CommonSection';
      node.attributes = [{ type: 'mdxJsxAttribute', name: 'name', value: name }];
      node.children = [];
      place(node, ancestors);
    }
  };
}

function sectionName(node: JsxElement, { known, file, inSection }: CommonSectionsOptions): string {
  const line = node.position?.start.line;
  if (inSection) throw new ContentError(file, line, 'a shared section cannot place another shared section');
  const attr = node.attributes.find(
    (a) => a.type === 'mdxJsxAttribute' && (a.name === 'section-name' || a.name === 'name'),
  );
  if (!attr || typeof attr.value !== 'string' || attr.value.trim() === '') {
    throw new ContentError(
      file,
      line,
      `<${node.name}> needs a section name as plain text, like <common-section section-name="team"></common-section>; known sections: ${known.join(', ')}`,
    );
  }
  const name = attr.value.trim();
  if (!known.includes(name)) {
    throw new ContentError(
      file,
      line,
      `unknown section "${name}"; known sections (files in content/sections): ${known.join(', ')}`,
    );
  }
  return name;
}

/** Moves the element out of its paragraph, and out of its list item into the list itself. */
function place(node: JsxElement, ancestors: Parent[]) {
  let container = ancestors.at(-1)!;
  let chain = ancestors.slice(0, -1);
  if (container.type === 'paragraph') {
    const paragraph = container as Paragraph;
    const parent = chain.at(-1)!;
    const i = paragraph.children.indexOf(node as MdxJsxTextElement);
    const before = trimEdge(paragraph.children.slice(0, i), 'end');
    const after = trimEdge(paragraph.children.slice(i + 1), 'start');
    const flow = node as unknown as MdxJsxFlowElement;
    flow.type = 'mdxJsxFlowElement';
    const replacement: RootContent[] = [];
    if (before.length) replacement.push({ type: 'paragraph', children: before });
    replacement.push(flow);
    if (after.length) replacement.push({ type: 'paragraph', children: after });
    parent.children.splice(parent.children.indexOf(paragraph), 1, ...(replacement as typeof parent.children));
    container = parent;
    chain = chain.slice(0, -1);
  }
  const list = chain.at(-1);
  if (container.type !== 'listItem' || list?.type !== 'list') return;
  const item = container as ListItem;
  const at = item.children.indexOf(node as MdxJsxFlowElement);
  const rest = item.children.splice(at).slice(1);
  node.attributes.push({ type: 'mdxJsxAttribute', name: 'asListItems', value: null });
  const moved: (ListItem | MdxJsxFlowElement)[] = [node as MdxJsxFlowElement];
  if (rest.length) moved.push({ type: 'listItem', spread: item.spread, children: rest });
  const siblings = (list as List).children as (ListItem | MdxJsxFlowElement)[];
  siblings.splice(siblings.indexOf(item) + 1, 0, ...moved);
}

/** Drops the whitespace (usually a line break and indentation) between the text and the moved element. */
function trimEdge(children: PhrasingContent[], edge: 'start' | 'end'): PhrasingContent[] {
  const out = [...children];
  const index = edge === 'end' ? out.length - 1 : 0;
  const text = out[index];
  if (text?.type === 'text') {
    const value = edge === 'end' ? text.value.trimEnd() : text.value.trimStart();
    if (value) out[index] = { ...(text as Text), value };
    else out.splice(index, 1);
  }
  return out;
}

/** For a section rendered inside a list: its own list items join the host list; anything else becomes one item. */
export function remarkSectionAsListItems() {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((child): RootContent[] =>
      child.type === 'list' ? child.children : [{ type: 'listItem', spread: false, children: [child as never] }],
    );
  };
}
