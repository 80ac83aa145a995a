import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_PORT } from './fixtures/env';
import { expect, storesNothing, test } from './fixtures/test';

// What load balancers and orchestrators ask, unauthenticated and never cached. On the PostgreSQL project the
// resumes are in a bucket, so readiness checks it too (features/operations/readiness.test.ts has the failures).
test('/healthz says the process answers and /readyz that the database, its migrations and the store do', async ({
  request,
}, testInfo) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe('ok\n');
  expect(health.headers()['cache-control']).toBe('no-store');
  expect(health.headers()['content-security-policy']).toContain('frame-ancestors');
  expect(health.headers()['x-content-type-options']).toBe('nosniff');
  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(ready.headers()['cache-control']).toBe('no-store');
  expect(ready.headers()['content-security-policy']).toContain('frame-ancestors');
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: {
      database: 'ok',
      migrations: 'ok',
      storage: testInfo.project.name === 'postgres' ? 'ok' : 'in the database',
    },
  });
});

test('a body sent to /healthz or /readyz is not read: a method they do not take, or a refusal, never a 500', async ({
  request,
}) => {
  for (const path of ['/healthz', '/readyz']) {
    const posted = await request.post(path, { data: { ready: false }, maxRedirects: 0 });
    expect(posted.status(), path).toBe(405);
    expect(posted.headers()['content-security-policy']).toContain('frame-ancestors');
    // Over the default body cap: refused by its declared length before a byte is read.
    const large = await request.post(path, { data: 'x'.repeat(100 * 1024), maxRedirects: 0 });
    expect(large.status(), path).toBe(413);
  }
});

// A setting that would fail on the first upload fails the start instead, with its reason: an orchestrator sees
// the instance never come up rather than a candidate seeing an error.
test('a server with a bad RESUME_STORAGE does not start, and says why', () => {
  storesNothing();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-bad-setting-'));
  const started = spawnSync(process.execPath, ['dist/server.mjs', '-p', String(E2E_PORT + 45), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'careers.db')}`,
      MAIL_WORKER: 'off',
      RESUME_STORAGE: 'bucket',
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  // On the timeout spawnSync sends SIGTERM, which the server answers with an orderly exit 0: the error tells.
  expect(started.error, 'it exits by itself, not at the timeout').toBeUndefined();
  expect(started.status).not.toBe(0);
  expect(started.stderr).toContain('RESUME_STORAGE must be "database" or "s3"; got "bucket"');
  expect(started.stdout).not.toContain('Careers site on');
});
