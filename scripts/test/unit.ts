// The unit tests, found by name beside the code they test. Most run with the react-server condition, as the
// site's server code does (`server-only` throws without it). Two kinds run in plain Node, as their code does:
// the worker's (`*.worker.test.ts`: the mail worker and retention run outside Next) and React rendered to a
// string (`*.test.tsx`: react-dom/server refuses the react-server condition). Each set runs in one process (see
// import-tests.ts): the tests share it, so a test that changes process-wide state puts it back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOTS = ['features', 'lib', 'db', 'jobs', 'components', 'scripts'];

function find(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(file);
    return /\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const files = ROOTS.flatMap(find).sort();
const plain = files.filter((file) => file.endsWith('.worker.test.ts') || file.endsWith('.test.tsx'));
const server = files.filter((file) => !plain.includes(file));
// Filters given on the command line (`npm run test:unit -- features/team`) narrow both sets.
const only = process.argv.slice(2);
const pick = (list: string[]) => (only.length ? list.filter((f) => only.some((o) => f.includes(o))) : list);

let failed = false;
for (const [list, condition] of [
  [pick(server), ['--conditions=react-server']],
  [pick(plain), []],
] as const) {
  if (list.length === 0) continue;
  const run = spawnSync('tsx', [...condition, 'scripts/test/import-tests.ts', ...list], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
