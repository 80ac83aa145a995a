import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withName } from './bulk-message';

test('a candidate’s name is put in as written, whatever it holds', () => {
  for (const name of ['Ada $& Lovelace', 'Grace $` Hopper', "Mary $' Jackson", 'Dorothy $1 $$ Vaughan'])
    assert.equal(withName('Dear {name},\nThank you, {name}.', name), `Dear ${name},\nThank you, ${name}.`);
});
