// What `npm test` runs: it starts a private PostgreSQL server and an S3-compatible server on loopback, runs the
// linters, the type check and the content check, the unit tests (on SQLite and PostgreSQL), Playwright (on
// SQLite, and on PostgreSQL with resumes in object storage) and the crash test (both ways), then stops the
// servers, whatever happened.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './postgres';
import { startS3 } from './s3';

type Step = [name: string, args: string[] | typeof WAIT_FOR_BUILD];
const WAIT_FOR_BUILD = Symbol('wait for the e2e build');
// e2e/fixtures/env.ts says the same; it is not imported here, because it loads the server-only data layer.
const E2E_SITE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/careers`;

let playwrightDone = false;
const begun = Date.now();
const builtSinceStart = () => {
  const id = path.join('.next', 'BUILD_ID');
  return fs.existsSync(id) && fs.statSync(id).mtimeMs >= begun;
};

/** Until the e2e server answers (it builds the site first), or Playwright has ended with a build of this run. */
async function waitForBuild(): Promise<boolean> {
  for (const until = Date.now() + 600_000; Date.now() < until;) {
    if (playwrightDone) return builtSinceStart();
    if (
      await fetch(E2E_SITE).then(
        (r) => r.ok,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

// Each group runs after the one before; the lanes of a group run side by side, and the steps of a lane one after
// the other. Measured here, a run that waits for one thing at a time keeps the two cores half idle (the browser,
// the servers and the databases wait on each other), so everything runs in three lanes from the start: the
// checks; the unit tests, then the crash tests (each kills and restarts its server a few times); and Playwright,
// the longest, which builds the site first.
const GROUPS: Step[][][] = [
  [
    [
      ['lint', ['run', 'lint']],
      ['format', ['run', 'format:check']],
      ['security audit', ['run', 'security:audit']],
      ['type check', ['run', 'typecheck']],
      ['content check', ['run', 'content:check']],
    ],
    [
      ['unit tests', ['run', 'test:unit']],
      // The crash tests serve the build Playwright makes: they start once its server answers.
      ['the e2e build', WAIT_FOR_BUILD],
      ['crash test, SQLite', ['run', 'test:crash', '--', '--rounds', '3', '--graceful']],
      [
        'crash test, PostgreSQL and object storage',
        ['run', 'test:crash', '--', '--rounds', '3', '--database', 'postgres', '--storage', 's3', '--port', '3372'],
      ],
    ],
    [['Playwright', ['run', 'test:e2e']]],
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
};
let failed: string | undefined;

/** Runs one step; a step beside others keeps its output until it ends, so the lanes do not interleave. */
async function runStep([name, args]: Step, buffered: boolean): Promise<boolean> {
  const started = Date.now();
  if (args === WAIT_FOR_BUILD) {
    const built = await waitForBuild();
    if (!built) failed ??= `${name}: the e2e server did not answer`;
    return built;
  }
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      if (name === 'Playwright') playwrightDone = true;
      if (buffered) process.stdout.write(Buffer.concat(output));
      console.log(`── ${name}: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (code !== 0) failed ??= name;
      resolve(code === 0);
    });
  });
}

/** The steps of a lane one after the other, stopping at the first that fails. */
async function runLane(lane: Step[], buffered: boolean): Promise<boolean> {
  for (const step of lane) if (!(await runStep(step, buffered))) return false;
  return true;
}

const started = Date.now();
try {
  for (const group of GROUPS) {
    // The last lane of a group streams its output (Playwright's progress); the others print theirs at the end.
    const results = await Promise.all(group.map((lane, i) => runLane(lane, i < group.length - 1)));
    if (results.includes(false)) break;
  }
} finally {
  postgres.stop();
  await s3.stop();
}
console.log(`── npm test: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failed) {
  console.error(`npm test failed: ${failed}`);
  process.exit(1);
}
