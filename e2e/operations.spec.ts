import { spawn, spawnSync } from 'node:child_process';
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

// Drain first: a load balancer that probes /readyz stops sending traffic before the server stops listening.
test('with SHUTDOWN_DELAY_SECONDS, SIGTERM turns /readyz to 503 while pages are still served, then the server stops', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'sqlite', 'a server of its own, on one port');
  storesNothing();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-drain-'));
  const origin = `http://127.0.0.1:${E2E_PORT + 47}`;
  const child = spawn(process.execPath, ['dist/server.mjs', '-p', String(E2E_PORT + 47), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'careers.db')}`,
      MAIL_WORKER: 'off',
      SHUTDOWN_DELAY_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect
      .poll(
        () =>
          fetch(`${origin}/readyz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000 },
      )
      .toBe(200);
    const signalled = Date.now();
    child.kill('SIGTERM');
    await expect.poll(() => fetch(`${origin}/readyz`).then((r) => r.status)).toBe(503);
    const draining = await fetch(`${origin}/readyz`);
    expect(await draining.json()).toEqual({ status: 'stopping', checks: { server: 'shutting down' } });
    expect(draining.headers.get('cache-control')).toBe('no-store');
    expect(draining.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${origin}/careers`)).status, 'still serving while it drains').toBe(200);
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2_000);
    expect(log).toContain('SIGTERM: /readyz answers 503; stopping in 2 s');
    await expect(fetch(`${origin}/careers`)).rejects.toThrow();
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a server whose worker cannot start stops, and says why, instead of serving without it', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'sqlite', 'a server of its own, on one port');
  storesNothing();
  // A working directory with the build but without the migrations: the worker's database cannot be opened.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-no-worker-'));
  for (const name of ['.next', 'node_modules', 'dist', 'public', 'package.json'])
    fs.symlinkSync(path.resolve(name), path.join(dir, name));
  const started = spawnSync(process.execPath, ['dist/server.mjs', '-p', String(E2E_PORT + 53), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'careers.db')}`, MAIL_WORKER: 'on' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(started.error, 'it exits by itself, not at the timeout').toBeUndefined();
  expect(started.status).toBe(1);
  expect(started.stderr).toContain('[server] the worker could not start');
  expect(started.stderr).toContain('meta/_journal.json');
});
