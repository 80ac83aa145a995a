import assert from 'node:assert/strict';
import { test } from 'node:test';

process.env.APP_SECRET = '5f3c9a0e7b2d4c81a6e0f9b3d7c2a5e8f1b4d6a9c3e7f0a2b5d8c1e4f7a0b3c6';
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
