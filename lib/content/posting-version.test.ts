import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postingFrontMatterSchema } from './posting-schema';
import { canonicalJson, postingVersionOf } from './posting-version';

const frontMatter = postingFrontMatterSchema.parse({ title: 'Data Engineer', position: 1, category: 'Engineering' });
const posting = {
  ...frontMatter,
  slug: 'data-engineer',
  file: 'content/postings/data-engineer.mdx',
  body: `## The role

- Build pipelines.
  <common-section section-name="requirements"></common-section>

## The team

<common-section section-name="team"></common-section>
`,
};
const sections = new Map([
  ['requirements', '- Write clearly.\n- Care about correctness.\n'],
  ['team', 'Eight engineers, *remote-first*.\n'],
]);

test('the body is written out with its sections: a section in a list continues the list', () => {
  const version = postingVersionOf(posting, sections);
  assert.equal(
    version.body,
    '## The role\n\n- Build pipelines.\n- Write clearly.\n- Care about correctness.\n\n## The team\n\nEight engineers, _remote-first_.\n',
  );
  assert.deepEqual(version.frontMatter, {
    title: 'Data Engineer',
    position: 1,
    category: 'Engineering',
    remote: false,
    status: 'open',
    questions: [],
  });
  assert.match(version.hash, /^[0-9a-f]{64}$/);
});

test('the same content hashes the same; a changed section, front matter field or slug does not', () => {
  const hash = postingVersionOf(posting, sections).hash;
  assert.equal(postingVersionOf({ ...posting }, new Map(sections)).hash, hash);
  const edited = new Map(sections).set('team', 'Nine engineers.\n');
  assert.notEqual(postingVersionOf(posting, edited).hash, hash);
  assert.notEqual(postingVersionOf({ ...posting, location: 'Berlin' }, sections).hash, hash);
  assert.notEqual(postingVersionOf({ ...posting, slug: 'data-engineer-2' }, sections).hash, hash);
  // What only the hiring team sees is not part of what the candidate read.
  const team = postingVersionOf({ ...posting, hiringTeam: ['lead@example.com'] }, sections);
  assert.equal(team.hash, hash);
  assert.equal(JSON.stringify(team.frontMatter).includes('lead@example.com'), false);
});

test('canonical JSON sorts keys at every level', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }), '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
});
