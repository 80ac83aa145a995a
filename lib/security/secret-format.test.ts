import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { secretFromKeyFile, secretFromSetting } from './secret-format';

test('APP_SECRET is accepted as 32 random bytes in hex or base64', () => {
  const bytes = crypto.randomBytes(32);
  assert.deepEqual(secretFromSetting(bytes.toString('hex')), bytes);
  assert.deepEqual(secretFromSetting(bytes.toString('base64')), bytes);
  assert.deepEqual(secretFromSetting(`${bytes.toString('base64url')}\n`), bytes);
});

test('APP_SECRET shorter than 32 bytes, a passphrase, or one repeated character is refused', () => {
  for (const weak of [
    crypto.randomBytes(31).toString('hex'),
    'correct horse battery staple, really long enough',
    'a'.repeat(64),
    '0'.repeat(128),
  ]) {
    assert.throws(() => secretFromSetting(weak), /APP_SECRET/, weak);
  }
});

test('a key file cut short or empty is refused with a way out', () => {
  const good = crypto.randomBytes(32).toString('hex');
  assert.equal(secretFromKeyFile(`${good}\n`, 'k').length, 32);
  for (const damaged of ['', good.slice(0, 40), `${good}00`]) {
    assert.throws(
      () => secretFromKeyFile(damaged, 'data/app-secret.key'),
      /data\/app-secret.key .*delete it and restart/,
    );
  }
});
