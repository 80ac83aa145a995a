import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRateLimit, RateLimiter } from './rate-limit';

test('allows up to the limit per window, then says how long to wait', () => {
  const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
  const t0 = 1_000_000;
  assert.deepEqual(
    [0, 1, 2].map((i) => limiter.hit('a', t0 + i)),
    [0, 0, 0],
  ); // the window starts at the first hit, t0
  assert.equal(limiter.hit('a', t0 + 10_000), 50);
  assert.equal(limiter.hit('b', t0 + 10_000), 0, 'another address is counted apart');
  assert.equal(limiter.hit('a', t0 + 60_001), 0, 'a new window starts afresh');
});

test('reads the limit from the environment, falling back on nonsense', () => {
  assert.deepEqual(parseRateLimit('5/10'), { limit: 5, windowMs: 10_000 });
  assert.deepEqual(parseRateLimit('lots'), { limit: 30, windowMs: 60_000 });
  assert.deepEqual(parseRateLimit(undefined), { limit: 30, windowMs: 60_000 });
});
