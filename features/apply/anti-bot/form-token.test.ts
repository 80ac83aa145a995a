import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';

// APP_SECRET is fixed for every unit test by scripts/test/import-tests.ts, before any file is loaded.
const { FORM_TOKEN_MAX_AGE_MS, issueFormToken, readFormToken } = await import('./form-token');

const NOW = 1_773_144_000_000; // 2026-03-10T12:00:00Z

describe('form tokens', () => {
  test('a token issued 10 s ago is 10 s old', () => {
    assert.deepEqual(readFormToken(issueFormToken(NOW - 10_000), NOW), { state: 'valid', ageMs: 10_000 });
  });

  test('a token older than a day is read as no token at all', () => {
    assert.deepEqual(readFormToken(issueFormToken(NOW - FORM_TOKEN_MAX_AGE_MS), NOW), {
      state: 'valid',
      ageMs: FORM_TOKEN_MAX_AGE_MS,
    });
    assert.deepEqual(readFormToken(issueFormToken(NOW - FORM_TOKEN_MAX_AGE_MS - 1), NOW), { state: 'expired' });
    assert.deepEqual(readFormToken(issueFormToken(NOW - 30 * FORM_TOKEN_MAX_AGE_MS), NOW), { state: 'expired' });
  });

  test('a token whose time was moved back, to look older, is forged', () => {
    const [, signature] = issueFormToken(NOW).split('.');
    assert.deepEqual(readFormToken(`${NOW - 60_000}.${signature}`, NOW), { state: 'forged' });
  });

  test('a token with an altered signature is forged', () => {
    const [payload, signature = ''] = issueFormToken(NOW).split('.');
    const altered = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    for (const token of [`${payload}.${altered}`, `${payload}.${signature}A`, `${payload}.${signature.slice(0, -1)}`]) {
      assert.deepEqual(readFormToken(token, NOW), { state: 'forged' });
    }
  });

  test('a token signed with another key is forged', () => {
    const payload = String(NOW - 60_000);
    const forged = crypto.createHmac('sha256', 'another-secret').update(`form-token\n${payload}`).digest('base64url');
    assert.deepEqual(readFormToken(`${payload}.${forged}`, NOW), { state: 'forged' });
  });

  test('nothing sent is missing; garbage is forged', () => {
    for (const token of [undefined, null, '']) assert.deepEqual(readFormToken(token, NOW), { state: 'missing' });
    for (const token of [
      42,
      '.',
      'abc',
      'abc.def',
      `${NOW}.`,
      `.${issueFormToken(NOW).split('.')[1]}`,
      '-1.x',
      '1e12.x',
    ]) {
      assert.deepEqual(readFormToken(token, NOW), { state: 'forged' }, JSON.stringify(token));
    }
  });
});
