// What `npm test` runs after the linters, the type check and the content check: it starts a private
// PostgreSQL server and an S3-compatible server on loopback, runs the unit tests (on SQLite and PostgreSQL),
// Playwright (on SQLite, and on PostgreSQL with resumes in object storage) and the crash test (both ways),
// then stops the servers, whatever happened.
import { spawn } from 'node:child_process';
import { startPostgres } from './postgres';
import { startS3 } from './s3';

// Each group runs after the one before; the steps of a group run side by side. The unit tests wait mostly on
// the databases and Playwright mostly on the browser, so together they take little more than Playwright alone;
// the crash tests load both cores, so they run one after the other.
const GROUPS: [string, string[]][][] = [
  [
    ['unit tests', ['run', 'test:unit']],
    ['Playwright', ['run', 'test:e2e']],
  ],
  [['crash test, SQLite', ['run', 'test:crash', '--', '--rounds', '6']]],
  [
    [
      'crash test, PostgreSQL and object storage',
      ['run', 'test:crash', '--', '--rounds', '6', '--database', 'postgres', '--storage', 's3', '--port', '3372'],
    ],
  ],
];

const postgres = startPostgres();
const s3 = await startS3();
const env = {
  ...process.env,
  TEST_POSTGRES_URL: postgres.url,
  TEST_REQUIRE_POSTGRES: '1',
  TEST_S3_ENDPOINT: s3.endpoint,
  // Where the S3 server keeps its objects, for the test that scans every byte left after an erasure.
  TEST_S3_DIR: s3.dir,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  // The SDK says at every start that its releases after January 2027 need Node 22 (the lockfile pins one).
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
let failed: string | undefined;

/** Runs one step; a step beside another keeps its output until it ends, so the two do not interleave. */
function runStep([name, args]: [string, string[]], buffered: boolean): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      if (buffered) process.stdout.write(Buffer.concat(output));
      console.log(`── ${name}: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (code !== 0) failed ??= name;
      resolve(code === 0);
    });
  });
}

try {
  for (const group of GROUPS) {
    const results = await Promise.all(group.map((step, i) => runStep(step, i < group.length - 1)));
    if (results.includes(false)) break;
  }
} finally {
  postgres.stop();
  await s3.stop();
}
if (failed) {
  console.error(`npm test failed: ${failed}`);
  process.exit(1);
}
