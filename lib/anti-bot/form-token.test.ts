import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';

// The key must be in place before secret.ts is first used; a fixed one keeps the tests away from data/.
process.env.APP_SECRET = 'test-secret-that-is-at-least-32-characters-long';
const { formTokenAge, issueFormToken } = await import('./form-token');

const NOW = 1_773_144_000_000; // 2026-03-10T12:00:00Z

describe('form tokens', () => {
  test('a fresh token is about zero milliseconds old', () => {
    const age = formTokenAge(issueFormToken());
    assert.ok(age !== null && age >= 0 && age < 1_000, `age ${age}`);
  });

  test('a token issued 10 s ago is 10 s old', () => {
    assert.equal(formTokenAge(issueFormToken(NOW - 10_000), NOW), 10_000);
  });

  test('a token whose time was moved back, to look older, is refused', () => {
    const [, signature] = issueFormToken(NOW).split('.');
    assert.equal(formTokenAge(`${NOW - 60_000}.${signature}`, NOW), null);
  });

  test('a token with an altered signature is refused', () => {
    const [payload, signature = ''] = issueFormToken(NOW).split('.');
    const altered = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    assert.equal(formTokenAge(`${payload}.${altered}`, NOW), null);
    assert.equal(formTokenAge(`${payload}.${signature}A`, NOW), null);
    assert.equal(formTokenAge(`${payload}.${signature.slice(0, -1)}`, NOW), null);
  });

  test('a token signed with another key is refused', () => {
    const payload = String(NOW - 60_000);
    const forged = crypto
      .createHmac('sha256', 'another-secret-that-is-at-least-32-chars')
      .update(payload)
      .digest('base64url');
    assert.equal(formTokenAge(`${payload}.${forged}`, NOW), null);
  });

  test('garbage is refused', () => {
    for (const token of [
      undefined,
      null,
      42,
      '',
      '.',
      'abc',
      'abc.def',
      `${NOW}.`,
      `.${issueFormToken(NOW).split('.')[1]}`,
      '-1.x',
      '1e12.x',
    ]) {
      assert.equal(formTokenAge(token, NOW), null, JSON.stringify(token));
    }
  });
});
