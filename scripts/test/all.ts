// What `npm test` runs after the linters, the type check and the content check: it starts a private
// PostgreSQL server and an S3-compatible server on loopback, runs the unit tests (on SQLite and PostgreSQL),
// Playwright (on SQLite, and on PostgreSQL with resumes in object storage) and the crash test (both ways),
// then stops the servers, whatever happened.
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres';
import { startS3 } from './s3';

const STEPS: [string, string[]][] = [
  ['unit tests', ['run', 'test:unit']],
  ['Playwright', ['run', 'test:e2e']],
  ['crash test, SQLite', ['run', 'test:crash']],
  [
    'crash test, PostgreSQL and object storage',
    ['run', 'test:crash', '--', '--database', 'postgres', '--storage', 's3', '--port', '3372'],
  ],
];

const postgres = startPostgres();
const s3 = await startS3();
const env = {
  ...process.env,
  TEST_POSTGRES_URL: postgres.url,
  TEST_REQUIRE_POSTGRES: '1',
  TEST_S3_ENDPOINT: s3.endpoint,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  // The SDK says at every start that its releases after January 2027 need Node 22 (the lockfile pins one).
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
let failed: string | undefined;
try {
  for (const [name, args] of STEPS) {
    const started = Date.now();
    const result = spawnSync('npm', args, { stdio: 'inherit', env });
    console.log(
      `── ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    if (result.status !== 0) {
      failed = name;
      break;
    }
  }
} finally {
  postgres.stop();
  await s3.stop();
}
if (failed) {
  console.error(`npm test failed: ${failed}`);
  process.exit(1);
}
