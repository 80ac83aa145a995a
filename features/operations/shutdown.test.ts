import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shutdownDelayMsFromEnv } from './shutdown';

test('SHUTDOWN_DELAY_SECONDS: none by default, whole seconds up to two minutes, anything else refused by name', () => {
  assert.equal(shutdownDelayMsFromEnv(undefined), 0);
  assert.equal(shutdownDelayMsFromEnv(''), 0);
  assert.equal(shutdownDelayMsFromEnv('15'), 15_000);
  assert.equal(shutdownDelayMsFromEnv('120'), 120_000);
  for (const bad of ['-1', '1.5', '121', 'ten', '10s'])
    assert.throws(() => shutdownDelayMsFromEnv(bad), /SHUTDOWN_DELAY_SECONDS must be a whole number of seconds/, bad);
});
