import { expect, test } from './fixtures/test';

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
