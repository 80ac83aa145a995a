import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_SMTP_PORT, POSTGRES_TARGET, SQLITE_TARGET, type Target } from './e2e/fixtures/env';

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and an empty CHROMIUM_PATH uses the browser
// Playwright installed itself.
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

// What the PostgreSQL project runs: the flows that cross the whole stack (applying, with and without JavaScript,
// resumes into object storage; the posting's own questions, stored as JSON), and what only several instances can
// show. Everything else runs once, on SQLite: the data layer behind the admin pages and the candidate's own page
// (filters, counts, roles, assignment, scorecards, sources, mail, links, withdrawal, erasure) is unit-tested on
// both databases, and hostile input, headers, limits and content are about the site, not its database.
const POSTGRES_SPECS = [
  'apply.spec.ts',
  'questions.spec.ts',
  'several-instances.spec.ts',
  'operations.spec.ts',
  'metrics.spec.ts',
];

const project = (target: Target, testMatch?: string[]) => ({
  name: target.name,
  testMatch,
  testIgnore: target.name === 'sqlite' ? ['several-instances.spec.ts'] : undefined,
  use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${target.port}` },
});

const server = (target: Target) => ({
  // Each target's server resets its own database (and bucket) first; the SQLite one builds the site once.
  command: `npx tsx e2e/fixtures/serve.ts ${target.name}`,
  url: `http://127.0.0.1:${target.port}/careers`,
  timeout: 300_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
});

// `npm run test:e2e` starts Playwright with the react-server condition, so specs can seed and read the e2e
// databases through the server-only data layer; the web servers are separate processes without it.
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    // Recording a trace of every test cost about a quarter of the suite's time here (it snapshots every step),
    // so a trace is recorded on a retry only; a failure still leaves its screenshot and the page's ARIA snapshot.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium || undefined,
      // This machine has no internet: stop Chromium's background calls home.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [project(SQLITE_TARGET), ...(POSTGRES_TARGET ? [project(POSTGRES_TARGET, POSTGRES_SPECS)] : [])],
  webServer: [
    // The mail server the sites send to, real SMTP on loopback; what it received is read over HTTP.
    {
      command: 'npx tsx e2e/fixtures/smtp-sink-server.ts',
      url: `http://127.0.0.1:${E2E_SMTP_PORT + 1}/`,
      reuseExistingServer: false,
    },
    server(SQLITE_TARGET),
    ...(POSTGRES_TARGET ? [server(POSTGRES_TARGET)] : []),
  ],
});
