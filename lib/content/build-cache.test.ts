import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCache } from './build-cache';

const withEnv = async (env: string, run: () => Promise<void>) => {
  const before = process.env.NODE_ENV;
  (process.env as Record<string, string>).NODE_ENV = env;
  try {
    await run();
  } finally {
    (process.env as Record<string, string | undefined>).NODE_ENV = before;
  }
};

test('in production a key is computed once; a failure is computed again next time', () =>
  withEnv('production', async () => {
    const cache = buildCache<number>();
    let calls = 0;
    const make = async () => ++calls;
    assert.equal(await cache('a', make), 1);
    assert.equal(await cache('a', make), 1);
    assert.equal(await cache('b', make), 2);
    await assert.rejects(cache('c', () => Promise.reject(new Error('bad content'))));
    assert.equal(await cache('c', make), 3);
  }));

test('in development every call computes afresh, so edits show on refresh', () =>
  withEnv('development', async () => {
    const cache = buildCache<number>();
    let calls = 0;
    const make = async () => ++calls;
    await cache('a', make);
    assert.equal(await cache('a', make), 2);
  }));
