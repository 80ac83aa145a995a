import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ContentErrors, type ContentError } from './content-error';
import { loadContent } from './load';

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** Writes a content tree (paths relative to the root, like `postings/a.mdx`) into a fresh temp dir. */
function contentTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-content-'));
  roots.push(root);
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), source);
  }
  return root;
}

/** The file name as the loader reports it: relative to the working directory. */
const reported = (root: string, name: string) => path.relative(process.cwd(), path.join(root, name));

/** Front matter taking lines 1–5, so the body starts on line 6. */
const frontMatter = (title = 'Backend Engineer') => `---\ntitle: ${title}\nposition: 1\ncategory: Engineering\n---\n`;

const SECTIONS = {
  'sections/team.mdx': 'We are eight engineers.\n',
  'sections/perks.mdx': '- Lunch\n- Bikes\n',
};

async function contentErrors(root: string): Promise<ContentError[]> {
  try {
    await loadContent(root);
  } catch (error) {
    assert.ok(error instanceof ContentErrors, `expected ContentErrors, got ${String(error)}`);
    return error.errors;
  }
  assert.fail('expected the content to be rejected');
}

describe('loadContent: a valid tree', () => {
  test('loads postings with the slug from the file name and the sections they place, in order', async () => {
    const root = contentTree({
      ...SECTIONS,
      'postings/backend-engineer.mdx':
        frontMatter() +
        '\n## The Team\n\n<common-section section-name="team"></common-section>\n\n- One\n  <common-section section-name="perks"></common-section>\n',
      'postings/designer.mdx': frontMatter('Designer') + '\nNo shared sections here.\n',
      'postings/notes.txt': 'not a posting',
    });
    const { postings, sections } = await loadContent(root);

    assert.deepEqual(
      postings.map((p) => [p.slug, p.title, p.sections]),
      [
        ['backend-engineer', 'Backend Engineer', ['team', 'perks']],
        ['designer', 'Designer', []],
      ],
    );
    assert.equal(postings[0]!.file, reported(root, 'postings/backend-engineer.mdx'));
    assert.equal(postings[0]!.status, 'open');
    assert.deepEqual([...sections.keys()].sort(), ['perks', 'team']);
    assert.equal(sections.get('team'), 'We are eight engineers.\n');
  });

  test('an empty content directory loads as no postings', async () => {
    const { postings, sections } = await loadContent(contentTree({}));
    assert.deepEqual(postings, []);
    assert.equal(sections.size, 0);
  });
});

describe('loadContent: problems are reported with file and line', () => {
  test('an unknown section name gives the file, the line and the known sections', async () => {
    const root = contentTree({
      ...SECTIONS,
      'postings/backend-engineer.mdx': frontMatter() + '\nIntro\n\n<common-section section-name="teams"></common-section>\n',
    });
    const [error, ...rest] = await contentErrors(root);
    assert.equal(rest.length, 0);
    assert.equal(error!.file, reported(root, 'postings/backend-engineer.mdx'));
    assert.equal(error!.line, 9);
    assert.ok(error!.message.includes('unknown section "teams"'), error!.message);
    assert.ok(error!.message.includes('perks, team'), error!.message);
  });

  test('two files with the same slug in different case are both named', async (t) => {
    const root = contentTree({ ...SECTIONS, 'postings/Foo-Bar.mdx': frontMatter(), 'postings/foo-bar.mdx': frontMatter() });
    if (fs.readdirSync(path.join(root, 'postings')).length < 2) return t.skip('case-insensitive file system');
    const errors = await contentErrors(root);
    assert.equal(errors.length, 1);
    assert.ok(errors[0]!.message.includes('duplicate slug "foo-bar"'), errors[0]!.message);
    assert.ok(errors[0]!.message.includes(reported(root, 'postings/Foo-Bar.mdx')), errors[0]!.message);
    assert.ok(errors[0]!.message.includes(reported(root, 'postings/foo-bar.mdx')), errors[0]!.message);
  });

  test('a file name that is not a URL slug is refused', async () => {
    const root = contentTree({ ...SECTIONS, 'postings/Senior Engineer.mdx': frontMatter() });
    const errors = await contentErrors(root);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, reported(root, 'postings/Senior Engineer.mdx'));
    assert.ok(errors[0]!.message.includes('file name must be a URL slug'), errors[0]!.message);
  });

  test('every bad file is reported in one ContentErrors, and good files are not', async () => {
    const root = contentTree({
      ...SECTIONS,
      'postings/good.mdx': frontMatter() + '\n<common-section section-name="team"></common-section>\n',
      'postings/Bad Name.mdx': frontMatter(),
      'postings/no-position.mdx': '---\ntitle: A\ncategory: Engineering\n---\n',
      'postings/unknown-section.mdx': frontMatter() + '\n<common-section section-name="nope"></common-section>\n',
      'postings/bad-mdx.mdx': frontMatter() + '\nHello {oops\n',
    });
    let thrown: unknown;
    await loadContent(root).catch((error: unknown) => (thrown = error));
    assert.ok(thrown instanceof ContentErrors);
    assert.deepEqual(
      thrown.errors.map((e) => [e.file, e.line]).sort(),
      [
        [reported(root, 'postings/Bad Name.mdx'), undefined],
        [reported(root, 'postings/bad-mdx.mdx'), 7],
        [reported(root, 'postings/no-position.mdx'), 2],
        [reported(root, 'postings/unknown-section.mdx'), 7],
      ].sort(),
    );
    assert.ok(thrown.message.startsWith('4 content errors:'), thrown.message);
  });

  test('a shared section that places another section is refused', async () => {
    const root = contentTree({
      'sections/team.mdx': 'We are a team.\n\n<common-section section-name="perks"></common-section>\n',
      'sections/perks.mdx': 'Lunch.\n',
      'postings/backend-engineer.mdx': frontMatter(),
    });
    const errors = await contentErrors(root);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, reported(root, 'sections/team.mdx'));
    assert.equal(errors[0]!.line, 3);
    assert.ok(errors[0]!.message.includes('cannot place another shared section'), errors[0]!.message);
  });

  test('an MDX syntax error gives its line in the file, counting the front matter', async () => {
    const root = contentTree({ ...SECTIONS, 'postings/backend-engineer.mdx': frontMatter() + '\nIntro\n\nHello {oops\n' });
    const errors = await contentErrors(root);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 9);
    assert.ok(errors[0]!.message.includes('MDX syntax error'), errors[0]!.message);
  });

  test(
    'an unclosed tag gives its line too',
    async () => {
      const root = contentTree({ ...SECTIONS, 'postings/backend-engineer.mdx': frontMatter() + '\nIntro\n\n<div>\n\nNot closed\n' });
      const errors = await contentErrors(root);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.line, 9, errors[0]!.message);
    },
  );
});

describe('loadContent: the real content directory', () => {
  test('the seed posting loads and places its five shared sections', async () => {
    const { postings, sections } = await loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
    const seed = postings.find((p) => p.slug === 'senior-backend-engineer-remote');
    assert.ok(seed, 'senior-backend-engineer-remote is loaded');
    assert.equal(seed.title, 'Senior Backend Engineer (Remote)');
    assert.deepEqual(seed.sections, ['technical-stack', 'common-requirements', 'team', 'mission', 'apply-now']);
    for (const name of seed.sections) assert.ok(sections.has(name), `section ${name} exists`);
  });
});
