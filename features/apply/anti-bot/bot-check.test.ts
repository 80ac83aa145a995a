import assert from 'node:assert/strict';
import { test } from 'node:test';

// APP_SECRET is fixed for every unit test by scripts/test/import-tests.ts, before any file is loaded.
const { looksLikeBot, minFillMs } = await import('./bot-check');
const { issueFormToken } = await import('./form-token');

const NOW = 1_773_144_000_000;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

test('a person: no honeypot, a token older than the minimum fill time, or no token at all (no JavaScript)', () => {
  assert.equal(looksLikeBot(form({ startedAt: issueFormToken(NOW - 10_000) }), NOW, 3_000), false);
  assert.equal(looksLikeBot(form({ website: '' }), NOW, 3_000), false);
  assert.equal(looksLikeBot(form({}), NOW, 3_000), false);
});

test('a bot: the honeypot filled, a token younger than the minimum, or a forged token', () => {
  assert.equal(looksLikeBot(form({ website: 'https://spam.example' }), NOW, 3_000), true);
  assert.equal(looksLikeBot(form({ startedAt: issueFormToken(NOW - 1_000) }), NOW, 3_000), true);
  assert.equal(looksLikeBot(form({ startedAt: `${NOW - 60_000}.forged` }), NOW, 3_000), true);
});

test('the minimum fill time comes from APPLY_MIN_FILL_MS, 3 s by default', () => {
  assert.equal(minFillMs(undefined), 3_000);
  assert.equal(minFillMs('0'), 0);
  assert.equal(minFillMs('250'), 250);
  assert.equal(minFillMs('soon'), 3_000);
  assert.equal(minFillMs('-5'), 3_000);
});

test('a token older than a day counts as no token: the honeypot decides', () => {
  const old = issueFormToken(NOW - 2 * 24 * 60 * 60 * 1000);
  assert.equal(looksLikeBot(form({ startedAt: old }), NOW, 3_000), false);
  assert.equal(looksLikeBot(form({ startedAt: old, website: 'x' }), NOW, 3_000), true);
});
