import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRateLimit } from './rate-limit';

test('reads the limit from the environment, falling back on nonsense', () => {
  assert.deepEqual(parseRateLimit('5/10'), { limit: 5, windowMs: 10_000 });
  assert.deepEqual(parseRateLimit('lots'), { limit: 30, windowMs: 60_000 });
  assert.deepEqual(parseRateLimit(undefined), { limit: 30, windowMs: 60_000 });
  assert.deepEqual(parseRateLimit('0/60'), { limit: 30, windowMs: 60_000 });
  assert.deepEqual(parseRateLimit('5/0'), { limit: 30, windowMs: 60_000 });
});
