import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inboxCommand } from './inbox-keys';

const press = (
  key: string,
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null = null,
  more = {},
) => inboxCommand({ key, ctrlKey: false, metaKey: false, altKey: false, target, onControl: false, ...more });

test('each key asks for its command', () => {
  assert.deepEqual(press('j'), { kind: 'down' });
  assert.deepEqual(press('k'), { kind: 'up' });
  assert.deepEqual(press('o'), { kind: 'open' });
  assert.deepEqual(press('Enter'), { kind: 'open' });
  assert.deepEqual(press('x'), { kind: 'choose' });
  assert.deepEqual(press('?'), { kind: 'help' });
  assert.equal(press('2'), null);
  assert.equal(press('X'), null);
});

test('never while typing, nor with a modifier; Enter on a link or a button stays theirs', () => {
  for (const type of ['text', 'search', 'date', '']) assert.equal(press('j', { tagName: 'INPUT', type }), null);
  assert.equal(press('x', { tagName: 'SELECT' }), null);
  assert.equal(press('j', null, { ctrlKey: true }), null);
  assert.equal(press('Enter', { tagName: 'A' }, { onControl: true }), null);
  assert.deepEqual(press('x', { tagName: 'INPUT', type: 'checkbox' }), { kind: 'choose' });
});
