import assert from 'node:assert/strict';
import { test } from 'node:test';
import { triageCommand } from './triage-keys';

const press = (
  key: string,
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null = null,
  mods = {},
) => triageCommand({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

test('each key asks for its command', () => {
  assert.deepEqual(press('j'), { kind: 'next' });
  assert.deepEqual(press('k'), { kind: 'previous' });
  assert.deepEqual(press('1'), { kind: 'status', status: 'new' });
  assert.deepEqual(press('2'), { kind: 'status', status: 'reviewing' });
  assert.deepEqual(press('6'), { kind: 'status', status: 'rejected' });
  assert.deepEqual(press('n'), { kind: 'note' });
  assert.deepEqual(press('s'), { kind: 'scorecard' });
  assert.deepEqual(press('?'), { kind: 'help' });
  assert.equal(press('7'), null);
  assert.equal(press('0'), null);
  assert.equal(press('J'), null);
});

test('never while typing in a field, nor with a modifier (the browser’s shortcuts stay the browser’s)', () => {
  for (const tagName of ['TEXTAREA', 'SELECT']) assert.equal(press('j', { tagName }), null);
  for (const type of ['text', 'email', 'search', 'number', ''])
    assert.equal(press('2', { tagName: 'INPUT', type }), null);
  assert.equal(press('j', { tagName: 'DIV', isContentEditable: true }), null);
  assert.equal(press('j', null, { ctrlKey: true }), null);
  assert.equal(press('k', null, { metaKey: true }), null);
  assert.equal(press('1', null, { altKey: true }), null);
  // A checkbox or a button takes no text: the keys still work when one has focus.
  assert.deepEqual(press('j', { tagName: 'INPUT', type: 'checkbox' }), { kind: 'next' });
  assert.deepEqual(press('j', { tagName: 'BUTTON' }), { kind: 'next' });
});
