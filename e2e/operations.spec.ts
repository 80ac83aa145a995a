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
