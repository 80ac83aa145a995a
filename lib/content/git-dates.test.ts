import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { isShallowClone, postingFileDates } from './git-dates';
import { loadContent } from './load';

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function tempDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-dates-'));
  roots.push(root);
  return root;
}

/** A real repository; each commit is made at the date given, as a merge into main would stamp it. */
function repository() {
  const root = tempDir();
  const git = (args: string[], date = '2026-01-01T09:00:00Z') =>
    execFileSync('git', ['-c', 'user.name=Author', '-c', 'user.email=author@example.com', ...args], {
      cwd: root,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: 'utf8',
    });
  git(['init', '-q', '-b', 'main']);
  const postings = path.join(root, 'content', 'postings');
  fs.mkdirSync(postings, { recursive: true });
  const write = (name: string, status = 'open', title = 'Engineer') =>
    fs.writeFileSync(
      path.join(postings, name),
      `---\ntitle: ${title}\nposition: 1\ncategory: Engineering\nstatus: ${status}\n---\nWe build things.\n`,
    );
  const commit = (date: string) => {
    git(['add', '-A'], date);
    git(['commit', '-q', '-m', 'content'], date);
  };
  return { root, postings, git, write, commit };
}

const dates = async (dir: string) => postingFileDates(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort());

test('a posting is dated by the commit that published it, and a later edit moves only its last change', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.commit('2026-03-02T10:00:00Z');
  repo.write('engineer.mdx', 'open', 'Senior Engineer');
  repo.commit('2026-04-15T08:30:00Z');
  // A checkout, a copy or an editor's save touches the file: its time says nothing of the posting.
  fs.utimesSync(path.join(repo.postings, 'engineer.mdx'), new Date(), new Date());

  assert.deepEqual((await dates(repo.postings)).get('engineer.mdx'), {
    publishedAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-04-15T08:30:00.000Z',
    datedByFile: false,
  });
});

test('a fresh clone, made later, has the same dates as the repository it came from', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.write('designer.mdx');
  repo.commit('2026-05-01T12:00:00Z');
  const clone = path.join(tempDir(), 'clone');
  execFileSync('git', ['clone', '-q', repo.root, clone]);

  const [original, cloned] = await Promise.all([dates(repo.postings), dates(path.join(clone, 'content', 'postings'))]);
  assert.deepEqual(cloned, original);
  assert.equal(cloned.get('designer.mdx')!.publishedAt, '2026-05-01T12:00:00.000Z');
  assert.equal(await isShallowClone(repo.postings), false);
});

test('a shallow clone is told apart, so content:check can say its dates are the clone’s', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.commit('2026-05-01T12:00:00Z');
  repo.write('engineer.mdx', 'open', 'Staff Engineer');
  repo.commit('2026-06-01T12:00:00Z');
  const clone = path.join(tempDir(), 'shallow');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone]);
  const postings = path.join(clone, 'content', 'postings');
  assert.equal(await isShallowClone(postings), true);
  assert.equal((await dates(postings)).get('engineer.mdx')!.publishedAt, '2026-06-01T12:00:00.000Z');
});

test('a draft is published by the commit that opened it, not the one that added it', async () => {
  const repo = repository();
  repo.write('engineer.mdx', 'draft');
  repo.commit('2026-02-01T00:00:00Z');
  repo.write('engineer.mdx', 'draft', 'Staff Engineer');
  repo.commit('2026-02-10T00:00:00Z');
  repo.write('engineer.mdx', 'open', 'Staff Engineer');
  repo.commit('2026-02-20T00:00:00Z');
  repo.write('engineer.mdx', 'closed', 'Staff Engineer');
  repo.commit('2026-03-20T00:00:00Z');

  const { publishedAt, updatedAt } = (await dates(repo.postings)).get('engineer.mdx')!;
  assert.equal(publishedAt, '2026-02-20T00:00:00.000Z');
  assert.equal(updatedAt, '2026-03-20T00:00:00.000Z');
});

test('a change not committed yet is dated by the file, and says so', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.write('draft.mdx', 'draft');
  repo.commit('2026-06-01T00:00:00Z');
  repo.write('engineer.mdx', 'open', 'Principal Engineer'); // edited, not committed
  repo.write('draft.mdx', 'open'); // opened, not committed
  repo.write('new.mdx'); // never committed
  const edited = new Date('2026-07-01T00:00:00Z');
  for (const name of ['engineer.mdx', 'draft.mdx', 'new.mdx']) fs.utimesSync(path.join(repo.postings, name), edited, edited);

  const found = await dates(repo.postings);
  assert.deepEqual(found.get('engineer.mdx'), {
    publishedAt: '2026-06-01T00:00:00.000Z',
    updatedAt: edited.toISOString(),
    datedByFile: false,
  });
  for (const name of ['draft.mdx', 'new.mdx'])
    assert.deepEqual(found.get(name), { publishedAt: edited.toISOString(), updatedAt: edited.toISOString(), datedByFile: true });
});

test('a posting written on a branch is published when the branch is merged, not when it was written', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.commit('2026-01-01T00:00:00Z');
  repo.git(['checkout', '-q', '-b', 'feature'], '2026-02-01T00:00:00Z');
  repo.write('designer.mdx');
  repo.commit('2026-02-01T00:00:00Z');
  repo.write('designer.mdx', 'open', 'Senior Designer');
  repo.commit('2026-02-05T00:00:00Z');
  repo.git(['checkout', '-q', 'main'], '2026-03-01T00:00:00Z');
  repo.git(['merge', '-q', '--no-ff', '-m', 'merge', 'feature'], '2026-03-01T00:00:00Z');

  const found = await dates(repo.postings);
  assert.equal(found.get('designer.mdx')!.publishedAt, '2026-03-01T00:00:00.000Z');
  assert.equal(found.get('designer.mdx')!.updatedAt, '2026-03-01T00:00:00.000Z');
  assert.equal(found.get('engineer.mdx')!.publishedAt, '2026-01-01T00:00:00.000Z');
});

test('a posting removed and added again, or renamed (a new address), is dated from its return', async () => {
  const repo = repository();
  repo.write('engineer.mdx');
  repo.write('designer.mdx');
  repo.commit('2026-01-10T00:00:00Z');
  fs.rmSync(path.join(repo.postings, 'engineer.mdx'));
  fs.renameSync(path.join(repo.postings, 'designer.mdx'), path.join(repo.postings, 'product-designer.mdx'));
  repo.commit('2026-02-10T00:00:00Z');
  repo.write('engineer.mdx', 'open', 'Engineer, again');
  repo.commit('2026-03-10T00:00:00Z');

  const found = await dates(repo.postings);
  assert.equal(found.get('engineer.mdx')!.publishedAt, '2026-03-10T00:00:00.000Z');
  assert.equal(found.get('product-designer.mdx')!.publishedAt, '2026-02-10T00:00:00.000Z');
});

test('without git the file times are used, and the loader carries the dates to every posting', async () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'postings'));
  fs.writeFileSync(path.join(root, 'postings', 'engineer.mdx'), '---\ntitle: Engineer\nposition: 1\ncategory: Engineering\n---\nHi.\n');
  const time = new Date('2026-08-08T08:08:08Z');
  fs.utimesSync(path.join(root, 'postings', 'engineer.mdx'), time, time);

  const { postings } = await loadContent(root);
  assert.equal(postings[0]!.publishedAt, time.toISOString());
  assert.equal(postings[0]!.updatedAt, time.toISOString());
  assert.equal(postings[0]!.datedByFile, true);
});
