// A source file that .gitignore swallows passes every local test and is missing from every clone
// (app/applications/data/ once matched an unanchored `data/`). Fail the lint when that happens.
import { execFileSync } from 'node:child_process';

const SOURCE_ROOTS = [
  'app',
  'components',
  'content',
  'db',
  'e2e',
  'features',
  'jobs',
  'lib',
  'scripts',
  'test-support',
];

let listed: string;
try {
  listed = execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory'], {
    encoding: 'utf8',
  });
} catch {
  console.log('check-ignored: not a git checkout, nothing to check');
  process.exit(0);
}

const swallowed = listed
  .split('\n')
  .filter((path) => SOURCE_ROOTS.some((root) => path.startsWith(`${root}/`)))
  .filter((path) => !path.includes('node_modules/'));

if (swallowed.length > 0) {
  console.error(`.gitignore hides source files that a clone would not have:\n  ${swallowed.join('\n  ')}`);
  process.exit(1);
}
