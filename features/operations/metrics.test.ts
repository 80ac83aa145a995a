import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { registerPool } from '@/db/pools';
import { sampleValue } from '@/test-support/prometheus-text';
import { createMetrics } from './metrics';
import { carriesToken, metricsSettingsFromEnv } from './metrics-settings';
import type { OperationsSample } from './sample';

const figures = (n: number): OperationsSample => ({
  applications: { new: n, reviewing: 0, interview: 0, offer: 0, hired: 0, rejected: 1, withdrawn: 0 },
  outbox: { pending: 2, failed: 1, oldestPendingSeconds: 42.5 },
  webhooks: { pending: 3, failed: 4, pausedEndpoints: 1 },
});

test('requests are counted by route, method and status, with their latency; an odd method is OTHER', async () => {
  const metrics = createMetrics({ sample: async () => figures(0) });
  metrics.observe({ method: 'GET', route: '/careers/[slug]', status: 200, seconds: 0.02 });
  metrics.observe({ method: 'GET', route: '/careers/[slug]', status: 200, seconds: 0.3 });
  metrics.observe({ method: 'BREW', route: 'unmatched', status: 404, seconds: 0.001 });
  const text = await metrics.registry.metrics();
  const name = 'careers_http_request_duration_seconds';
  assert.equal(sampleValue(text, `${name}_count`, { route: '/careers/[slug]', method: 'GET', status: '200' }), 2);
  assert.equal(sampleValue(text, `${name}_bucket`, { route: '/careers/[slug]', le: '0.025' }), 1);
  assert.equal(sampleValue(text, `${name}_bucket`, { route: '/careers/[slug]', le: '0.5' }), 2);
  assert.equal(sampleValue(text, `${name}_count`, { method: 'OTHER', status: '404' }), 1);
  assert.ok(!text.includes('BREW'));
  assert.ok(sampleValue(text, 'process_resident_memory_bytes')! > 0, "the process's own figures are there");
});

test("the data's figures at a scrape, read at most once per interval", async () => {
  let reads = 0;
  let clock = 0;
  const metrics = createMetrics({ sample: async () => figures(++reads), sampleMs: 10_000, now: () => clock });
  let text = await metrics.registry.metrics();
  assert.equal(sampleValue(text, 'careers_applications', { status: 'new' }), 1);
  assert.equal(sampleValue(text, 'careers_applications', { status: 'rejected' }), 1);
  assert.equal(sampleValue(text, 'careers_outbox_emails', { state: 'pending' }), 2);
  assert.equal(sampleValue(text, 'careers_outbox_emails', { state: 'failed' }), 1);
  assert.equal(sampleValue(text, 'careers_outbox_oldest_pending_seconds'), 42.5);
  assert.equal(sampleValue(text, 'careers_webhook_deliveries', { state: 'pending' }), 3);
  assert.equal(sampleValue(text, 'careers_webhook_deliveries', { state: 'failed' }), 4);
  assert.equal(sampleValue(text, 'careers_webhook_endpoints_paused'), 1);
  assert.equal(sampleValue(text, 'careers_database_up'), 1);
  clock = 9_000;
  text = await metrics.registry.metrics();
  assert.equal(reads, 1, 'one read for the scrapes within 10 s');
  clock = 10_000;
  text = await metrics.registry.metrics();
  assert.equal(reads, 2);
  assert.equal(sampleValue(text, 'careers_applications', { status: 'new' }), 2);
});

test('a database that fails is careers_database_up 0 with no stale figures, and the scrape still answers', async () => {
  let failing = false;
  let clock = 0;
  const metrics = createMetrics({
    sample: async () => {
      if (failing) throw new Error('connection refused');
      return figures(7);
    },
    now: () => clock,
  });
  assert.equal(sampleValue(await metrics.registry.metrics(), 'careers_applications', { status: 'new' }), 7);
  failing = true;
  clock = 60_000;
  const text = await metrics.registry.metrics();
  assert.equal(sampleValue(text, 'careers_database_up'), 0);
  assert.equal(sampleValue(text, 'careers_applications', { status: 'new' }), undefined);
  assert.ok(Number.isNaN(sampleValue(text, 'careers_outbox_oldest_pending_seconds')), 'unknown, not "nothing waits"');
});

test("PostgreSQL pools are reported by name, summed over a name's pools, until closed", async () => {
  const pool = (total: number, idle: number, waiting: number) =>
    ({ totalCount: total, idleCount: idle, waitingCount: waiting }) as unknown as pg.Pool;
  const unregister = [
    registerPool(pool(3, 1, 0), 'app'),
    registerPool(pool(2, 0, 4), 'app'),
    registerPool(pool(1, 1, 0), 'worker'),
  ];
  const metrics = createMetrics({ sample: async () => figures(0) });
  let text = await metrics.registry.metrics();
  const name = 'careers_database_pool_connections';
  assert.equal(sampleValue(text, name, { pool: 'app', state: 'total' }), 5);
  assert.equal(sampleValue(text, name, { pool: 'app', state: 'idle' }), 1);
  assert.equal(sampleValue(text, name, { pool: 'app', state: 'waiting' }), 4);
  assert.equal(sampleValue(text, name, { pool: 'worker', state: 'total' }), 1);
  for (const done of unregister) done();
  text = await metrics.registry.metrics();
  assert.equal(sampleValue(text, name, { pool: 'app' }), undefined);
});

test('settings: a short token or a bad port stops the start with the reason; the token is checked exactly', () => {
  assert.deepEqual(metricsSettingsFromEnv({}), { token: null, port: null });
  assert.throws(
    () => metricsSettingsFromEnv({ METRICS_TOKEN: 'short' }),
    /METRICS_TOKEN must be at least 32 characters/,
  );
  assert.throws(
    () => metricsSettingsFromEnv({ METRICS_PORT: '99999' }),
    /METRICS_PORT must be a port number .*"99999"/,
  );
  assert.throws(() => metricsSettingsFromEnv({ METRICS_PORT: 'x' }), /METRICS_PORT/);
  const token = 'a'.repeat(40);
  assert.deepEqual(metricsSettingsFromEnv({ METRICS_TOKEN: token, METRICS_PORT: '9464' }), { token, port: 9464 });
  assert.equal(carriesToken(`Bearer ${token}`, token), true);
  assert.equal(carriesToken(`bearer ${token}`, token), true);
  for (const header of [
    undefined,
    '',
    token,
    `Bearer ${token}x`,
    `Bearer ${token.slice(1)}`,
    `Basic ${token}`,
    `Bearer  ${token}`,
  ])
    assert.equal(carriesToken(header, token), false, String(header));
});
