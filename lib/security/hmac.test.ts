import assert from 'node:assert/strict';
import { test } from 'node:test';

// APP_SECRET is fixed for every unit test by scripts/test/import-tests.ts, before any file is loaded.
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
