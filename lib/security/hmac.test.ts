import assert from 'node:assert/strict';
import { test } from 'node:test';

process.env.APP_SECRET = 'test-secret-that-is-at-least-32-characters-long';
const { sign, verify } = await import('./hmac');

test('a signature verifies for its own purpose and payload only', () => {
  const signature = sign('form-token', '123');
  assert.ok(verify('form-token', '123', signature));
  assert.equal(verify('apply-stamp', '123', signature), false);
  assert.equal(verify('form-token', '124', signature), false);
  assert.equal(verify('form-token', '123', `${signature}x`), false);
  assert.equal(verify('form-token', '123', null), false);
  assert.equal(verify('form-token', '123', ''), false);
});
