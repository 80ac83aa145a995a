import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { remarkCommonSections, remarkSectionAsListItems, type CommonSectionsOptions } from './common-sections-plugin';
import { ContentError } from './content-error';
import { splitFrontMatter } from './front-matter';

const FILE = 'content/postings/backend-engineer.mdx';
const KNOWN = ['common-requirements', 'perks', 'team'];

/**
 * Compiles like the loader does (@mdx-js/mdx with the plugin) and keeps a copy of the mdast as the
 * plugins left it, so the tests see the tree the page is rendered from and the JavaScript it becomes.
 */
async function compileWith(source: string, plugin: 'sections' | 'asListItems' = 'sections', options: Partial<CommonSectionsOptions> = {}) {
  let tree: Root | undefined;
  const capture = () => (t: Root) => void (tree = structuredClone(t));
  const js = String(
    await compile(source, {
      remarkPlugins: [
        plugin === 'sections' ? [remarkCommonSections, { known: KNOWN, file: FILE, ...options }] : remarkSectionAsListItems,
        capture,
      ],
    }),
  );
  return { tree: tree!, js };
}

/** A node without positions and parser bookkeeping, to compare shapes. */
function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' || key === 'data' ? undefined : value)));
}

const section = (name: string, ...extra: MdxJsxFlowElement['attributes']) => ({
  type: 'mdxJsxFlowElement',
  name: 'CommonSection',
  attributes: [{ type: 'mdxJsxAttribute', name: 'name', value: name }, ...extra],
  children: [],
});
const asListItems = { type: 'mdxJsxAttribute', name: 'asListItems', value: null } as const;

function textOf(item: RootContent | undefined): string {
  assert.equal(item?.type, 'listItem');
  const paragraph = (item as ListItem).children[0] as Paragraph;
  return paragraph.children.map((c) => (c.type === 'text' ? c.value : `<${c.type}>`)).join('');
}

function jsxInsideParagraphs(tree: Root): number {
  let count = 0;
  visit(tree, 'paragraph', (p: Paragraph) => {
    count += p.children.filter((c) => (c.type as string).startsWith('mdxJsx')).length;
  });
  return count;
}

describe('remarkCommonSections: placing a section', () => {
  test('<common-section section-name> on its own line becomes a CommonSection block named by name=', async () => {
    const { tree, js } = await compileWith('## The Team\n\n<common-section section-name="team"></common-section>\n');
    assert.deepEqual(shape(tree.children[1]), section('team'));
    assert.match(js, /_jsx\(CommonSection, \{\s*name: "team"\s*\}\)/);
  });

  test('a section written in the middle of a paragraph is lifted out of it, splitting the text around it', async () => {
    const { tree } = await compileWith('Read about us:\n<common-section section-name="team"></common-section>\nand apply below.\n');
    assert.equal(jsxInsideParagraphs(tree), 0, 'no block left inside a <p>');
    assert.deepEqual(shape(tree.children), [
      { type: 'paragraph', children: [{ type: 'text', value: 'Read about us:' }] },
      section('team'),
      { type: 'paragraph', children: [{ type: 'text', value: 'and apply below.' }] },
    ]);
  });

  test('<CommonSection name="team" /> is accepted as well', async () => {
    const { tree, js } = await compileWith('<CommonSection name="team" />\n');
    assert.deepEqual(shape(tree.children), [section('team')]);
    assert.match(js, /name: "team"/);
  });

  test('records the names a posting places', async () => {
    const used = new Set<string>();
    await compileWith('<CommonSection name="team" />\n\n<common-section section-name="perks"></common-section>\n', 'sections', { used });
    assert.deepEqual([...used], ['team', 'perks']);
  });

  test(
    'two sections in one paragraph keep the rest of the document intact',
    async () => {
      const { tree } = await compileWith('Intro <CommonSection name="team" /> middle <CommonSection name="perks" /> end\n\nLast paragraph.\n');
      assert.deepEqual(shape(tree.children), [
        { type: 'paragraph', children: [{ type: 'text', value: 'Intro' }] },
        section('team'),
        { type: 'paragraph', children: [{ type: 'text', value: 'middle' }] },
        section('perks'),
        { type: 'paragraph', children: [{ type: 'text', value: 'end' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'Last paragraph.' }] },
      ]);
      assert.equal(jsxInsideParagraphs(tree), 0);
    },
  );
});

describe('remarkCommonSections: inside a list', () => {
  test('the seed layout, indented on the line after the last item, joins the list after that item', async () => {
    const source = [
      'The ideal candidate should:',
      '',
      '- Be able to work across all aspects of backend systems.',
      '- Not be afraid of contributing to the entire stack when the need arises.',
      '  <common-section section-name="common-requirements"></common-section>',
      '',
      '## The Team',
      '',
    ].join('\n');
    const { tree, js } = await compileWith(source);
    const list = tree.children[1];
    assert.equal(list?.type, 'list');
    const items = list.children as RootContent[];
    assert.equal(items.length, 3);
    assert.equal(textOf(items[0]), 'Be able to work across all aspects of backend systems.');
    assert.equal(textOf(items[1]), 'Not be afraid of contributing to the entire stack when the need arises.');
    assert.deepEqual(shape(items[2]), section('common-requirements', asListItems));
    assert.equal(tree.children[2]?.type, 'heading', 'the heading after the list stays after it');
    assert.match(js, /name: "common-requirements",\s*asListItems: true/);
  });

  test('text after the section in the same item continues as a new item', async () => {
    const { tree } = await compileWith('- One\n  <common-section section-name="perks"></common-section>\n  and more\n- Two\n');
    const list = tree.children[0];
    assert.equal(list?.type, 'list');
    const items = list.children as RootContent[];
    assert.equal(textOf(items[0]), 'One');
    assert.deepEqual(shape(items[1]), section('perks', asListItems));
    assert.equal(textOf(items[2]), 'and more');
    assert.equal(textOf(items[3]), 'Two');
  });

  test('the real seed posting places common-requirements as list items after its last requirement', async () => {
    const source = await readFile(new URL('../../content/postings/senior-backend-engineer-remote.mdx', import.meta.url), 'utf8');
    const { tree } = await compileWith(splitFrontMatter(source).body, 'sections', {
      known: ['technical-stack', 'common-requirements', 'team', 'mission', 'apply-now'],
    });
    const isSection = (c: RootContent | undefined) => c?.type === 'mdxJsxFlowElement' && c.name === 'CommonSection';
    let host: RootContent[] | undefined;
    visit(tree, 'list', (list) => {
      if (list.children.some(isSection)) host = list.children;
    });
    assert.ok(host, 'a list hosts the section');
    const at = host.findIndex(isSection);
    assert.deepEqual(shape(host[at]), section('common-requirements', asListItems));
    assert.match(textOf(host[at - 1]), /when the need arises\.$/);
  });
});

describe('remarkCommonSections: refused names', () => {
  async function rejection(source: string, options: Partial<CommonSectionsOptions> = {}): Promise<ContentError> {
    try {
      await compileWith(source, 'sections', options);
    } catch (error) {
      assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
      return error;
    }
    assert.fail('expected the section to be refused');
  }

  for (const [label, source] of [
    ['a missing section-name', 'Intro\n\n<common-section></common-section>\n'],
    ['an empty name', 'Intro\n\n<CommonSection name="  " />\n'],
    ['a name given as an expression', 'Intro\n\n<CommonSection name={"team"} />\n'],
  ] as const) {
    test(`${label} is an error on its line that shows the expected form`, async () => {
      const error = await rejection(source);
      assert.equal(error.file, FILE);
      assert.equal(error.line, 3);
      assert.ok(error.message.includes('needs a section name as plain text'), error.message);
      assert.ok(error.message.includes('common-requirements, perks, team'), error.message);
    });
  }

  test('an unknown name lists the known sections', async () => {
    const error = await rejection('<common-section section-name="teams"></common-section>\n');
    assert.equal(error.line, 1);
    assert.ok(error.message.includes('unknown section "teams"'), error.message);
    assert.ok(error.message.includes('common-requirements, perks, team'), error.message);
  });

  test('a shared section cannot place another one', async () => {
    const error = await rejection('Text\n\n<common-section section-name="team"></common-section>\n', { inSection: true });
    assert.equal(error.line, 3);
    assert.ok(error.message.includes('cannot place another shared section'), error.message);
  });
});

describe('remarkSectionAsListItems', () => {
  test('a section that is a list yields its items', async () => {
    const { tree } = await compileWith('- Lunch\n- Bikes\n', 'asListItems');
    assert.deepEqual(tree.children.map(textOf), ['Lunch', 'Bikes']);
  });

  test('a paragraph becomes one item', async () => {
    const { tree } = await compileWith('We are **eight** engineers.\n', 'asListItems');
    assert.equal(tree.children.length, 1);
    assert.equal(textOf(tree.children[0]), 'We are <strong> engineers.');
  });

  test('a paragraph and a list become one item each for the paragraph and the list items', async () => {
    const { tree, js } = await compileWith('Also:\n\n- Lunch\n- Bikes\n', 'asListItems');
    assert.deepEqual(tree.children.map(textOf), ['Also:', 'Lunch', 'Bikes']);
    assert.doesNotMatch(js, /_components\.ul/, 'no nested list is rendered');
  });
});

describe('the apply-now section, which holds the form', () => {
  const known = ['apply-now', 'team'];
  const run = (source: string) => compile(source, { remarkPlugins: [[remarkCommonSections, { known, file: 'x.mdx' }]] });

  test('is refused inside a list, where it would lose its form', async () => {
    await assert.rejects(run('- one\n- two\n  <common-section section-name="apply-now"></common-section>\n'), (error: Error) => {
      assert.ok(error instanceof ContentError);
      assert.equal(error.line, 3);
      assert.match(error.message, /must stand on its own line, not inside a list/);
      return true;
    });
  });

  test('is refused when placed twice', async () => {
    await assert.rejects(
      run('<common-section section-name="apply-now"></common-section>\n\n<CommonSection name="apply-now" />\n'),
      /placed twice/,
    );
  });
});
