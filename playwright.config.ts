import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_APPLY_LIMIT, E2E_DATABASE_URL, E2E_PORT } from './e2e/fixtures/env';

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and an empty CHROMIUM_PATH uses the browser
// Playwright installed itself.
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

// `npm run test:e2e` starts Playwright with the react-server condition, so specs can seed and read the e2e
// database through the server-only data layer; the web server below is a separate process without it.
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Tests run against a production build with a database of their own, started empty.
  webServer: {
    command: `npx tsx e2e/fixtures/reset-db.ts && npm run build && npx tsx server.ts -p ${E2E_PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${E2E_PORT}/careers`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_TELEMETRY_DISABLED: '1',
      APPLY_RATE_LIMIT: `${E2E_APPLY_LIMIT}/60`,
      // Tests fill the form faster than a person; the bot check's timing is unit-tested (lib/anti-bot).
      APPLY_MIN_FILL_MS: '0',
    },
  },
});
