import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hiringTeamFromEnv } from './hiring-team';

test('HIRING_TEAM_EMAIL: unset is nobody; addresses are split on commas, trimmed and lowercased', () => {
  assert.deepEqual(hiringTeamFromEnv(undefined), []);
  assert.deepEqual(hiringTeamFromEnv(''), []);
  assert.deepEqual(hiringTeamFromEnv(' Lead@Example.com, hr@example.com ,'), ['lead@example.com', 'hr@example.com']);
});

test('HIRING_TEAM_EMAIL: a value that is not an address is refused by name', () => {
  assert.throws(
    () => hiringTeamFromEnv('lead@example.com; hr@example.com'),
    /"lead@example.com; hr@example.com" is not one/,
  );
  assert.throws(() => hiringTeamFromEnv('the team'), /HIRING_TEAM_EMAIL must be email addresses/);
});
