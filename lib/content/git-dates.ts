import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parsePostingFrontMatter } from './front-matter';

const run = promisify(execFile);

export type FileDates = {
  /** When the posting was first published: the first commit of its file in which it was not a draft. */
  publishedAt: string;
  /** When its file last changed: its last commit, or the file's own time while it differs from the commit. */
  updatedAt: string;
  /** True when the publication date is the file's time: no history, or published by a change not yet committed. */
  datedByFile: boolean;
};

type Version = { date: string; blob: string };

// A blob's text never changes, so whether it was a draft is kept for the life of the process (the dev server
// loads content on every request).
const draftByBlob = new Map<string, boolean>();

/**
 * Dates of the posting files in `dir` that do not move: a fresh clone, a deploy or a second instance built from
 * the same commit gets the same dates, where the file's modification time would be the moment of the checkout.
 * From git's history when there is one; otherwise (or for a file changed since its last commit) from the file.
 */
export async function postingFileDates(dir: string, files: string[]): Promise<Map<string, FileDates>> {
  const dates = new Map<string, FileDates>();
  const history = await gitHistory(dir);
  for (const name of files) {
    const full = path.join(dir, name);
    const versions = history?.versions.get(name) ?? [];
    const changed = !history || history.changed.has(name) || versions.length === 0;
    const mtime = async () => (await fs.stat(full)).mtime.toISOString();
    const first = await firstPublished(history?.root, versions);
    const updatedAt = changed ? await mtime() : versions.at(-1)!.date;
    // A file never committed, or committed only as a draft and published since, is published by the change
    // in front of us: dated by the file until that change is committed.
    const publishedAt = first ?? (await mtime());
    dates.set(name, { publishedAt, updatedAt, datedByFile: !first });
  }
  return dates;
}

async function firstPublished(root: string | undefined, versions: Version[]): Promise<string | undefined> {
  if (!root) return undefined;
  for (const version of versions) {
    let draft = draftByBlob.get(version.blob);
    if (draft === undefined) {
      // A blob this clone does not hold (a partial clone offline) leaves the version undecided: the next one decides.
      const source = await run('git', ['cat-file', 'blob', version.blob], { cwd: root, maxBuffer: 16 << 20 }).then(
        (r) => r.stdout,
        () => null,
      );
      if (source === null) continue;
      draft = isDraft(source);
      draftByBlob.set(version.blob, draft);
    }
    if (!draft) return version.date;
  }
  return undefined;
}

/** A version that does not parse is taken as published: it was live, or the build would have refused it. */
function isDraft(source: string): boolean {
  try {
    return parsePostingFrontMatter('history', source).data.status === 'draft';
  } catch {
    return false;
  }
}

type History = {
  root: string;
  /** File name → its versions since it was last added, oldest first. */
  versions: Map<string, Version[]>;
  /** Files whose working copy differs from the last commit, or that git does not track. */
  changed: Set<string>;
};

/** One `git log` of the folder (and one `git status`): cheap enough for the dev server's every request. */
async function gitHistory(dir: string): Promise<History | undefined> {
  try {
    const git = (args: string[]) => run('git', args, { cwd: dir, maxBuffer: 256 << 20 }).then((r) => r.stdout);
    const [root, prefixLine] = (await git(['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
    const [log, status] = await Promise.all([
      // The branch's own line (first parents, a merge dated by the merge, with its changes), oldest first, by
      // commit date: when a change reached the branch, not when it was written on another. A rename is a new
      // posting (a new address), so renames are not followed. Paths unquoted, whatever their characters.
      git([
        '-c',
        'core.quotePath=false',
        'log',
        '--first-parent',
        '--diff-merges=first-parent',
        '--topo-order',
        '--reverse',
        '--no-renames',
        '--raw',
        '--no-abbrev',
        '--format=%x1e%cI',
        '--',
        '.',
      ]),
      git(['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--', '.']),
    ]);
    const prefix = (prefixLine ?? '').replace(/\/$/, '');
    const own = (file: string) => (prefix ? file.slice(prefix.length + 1) : file);
    const versions = new Map<string, Version[]>();
    for (const commit of log.split('\x1e').slice(1)) {
      const [date, ...lines] = commit.split('\n');
      for (const line of lines) {
        // ":100644 100644 <old blob> <new blob> M\tpath"
        const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([ADMTCR])\d*\t(.+)$/.exec(line);
        if (!match) continue;
        const [, blob, kind, file] = match as unknown as [string, string, string, string];
        const name = own(file);
        if (name.includes('/')) continue;
        if (kind === 'D') versions.delete(name);
        else if (kind === 'A') versions.set(name, [{ date: new Date(date!).toISOString(), blob }]);
        else versions.get(name)?.push({ date: new Date(date!).toISOString(), blob });
      }
    }
    const changed = new Set(
      status
        .split('\0')
        .filter((entry) => entry.length > 3)
        .map((entry) => own(entry.slice(3))),
    );
    return { root: root!, versions, changed };
  } catch {
    // No git, no repository (a tarball or an image built without .git): the files' own times.
    return undefined;
  }
}

/**
 * A shallow clone (CI's `--depth 1`) holds only its last commits: a posting added before them is dated by the
 * oldest it holds, which moves with every deploy. content:check says so.
 */
export async function isShallowClone(dir: string): Promise<boolean> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir });
    return stdout.trim() === 'true';
  } catch {
    return false;
  }
}
