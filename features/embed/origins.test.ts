import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedOrigin, embedFrameAncestors, embedOriginsFromEnv } from './origins';

test('EMBED_ORIGINS lists origins, by spaces or commas, written as browsers send them', () => {
  assert.deepEqual(embedOriginsFromEnv('https://www.example.com, https://Example.org:8443/  http://127.0.0.1:3160'), [
    'https://www.example.com',
    'https://example.org:8443',
    'http://127.0.0.1:3160',
  ]);
  assert.deepEqual(embedOriginsFromEnv(undefined), []);
  assert.deepEqual(embedOriginsFromEnv(' , '), []);
  // The default port is no part of an origin.
  assert.deepEqual(embedOriginsFromEnv('https://example.com:443'), ['https://example.com']);
});

test('a bad entry stops the server with its reason', () => {
  for (const [setting, reason] of [
    ['example.com', /"example\.com" is not an origin/],
    ['ftp://example.com', /must start with https:\/\//],
    ['https://example.com/careers', /without a path/],
    ['https://user@example.com', /without a path, query or user name/],
    ['https://*.example.com', /cannot hold a wildcard/],
    ['*', /"\*" is not an origin/],
    // What a policy would read as a new directive or a quoted source is no host name.
    ['https://a.example;script-src', /host name has characters/],
    ["https://a.example'unsafe-inline'", /host name has characters/],
  ] as const)
    assert.throws(() => embedOriginsFromEnv(setting), reason, setting);
});

test('only a listed origin is answered, and only listed sites may frame the embed', () => {
  const listed = ['https://www.example.com'];
  assert.equal(allowedOrigin('https://www.example.com', listed), 'https://www.example.com');
  for (const origin of ['https://example.com', 'http://www.example.com', 'null', '', null])
    assert.equal(allowedOrigin(origin, listed), null, String(origin));
  assert.equal(embedFrameAncestors(listed), 'https://www.example.com');
  assert.equal(embedFrameAncestors(['https://a.example', 'https://b.example']), 'https://a.example https://b.example');
  assert.equal(embedFrameAncestors([]), "'none'");
});
