import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameMessageSchema } from './messages';

test('the page accepts from the preview frame only messages of the known shapes', () => {
  for (const message of [
    { type: 'ready' },
    { type: 'state', page: 2, pages: 3, scale: 1.25, fitWidth: false },
    { type: 'error', reason: 'password' },
  ]) {
    assert.ok(frameMessageSchema.safeParse(message).success, JSON.stringify(message));
  }
  for (const message of [
    null,
    'ready',
    { type: 'open' },
    { type: 'state', page: 4, pages: 3, scale: 1, fitWidth: true },
    { type: 'state', page: 0, pages: 3, scale: 1, fitWidth: true },
    { type: 'state', page: 1.5, pages: 3, scale: 1, fitWidth: true },
    { type: 'state', page: 1, pages: 3, scale: 1e9, fitWidth: true },
    { type: 'state', page: 1, pages: 3, scale: 1 },
    { type: 'error', reason: '<img src=x onerror=alert(1)>' },
  ]) {
    assert.equal(frameMessageSchema.safeParse(message).success, false, JSON.stringify(message));
  }
});
