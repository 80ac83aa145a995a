import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskAddresses } from './mask';

test('addresses quoted by a mail server are masked, the rest of its answer is kept', () => {
  assert.equal(
    maskAddresses('550 5.1.1 <Ada.Lovelace+jobs@Example.COM>: Recipient address rejected'),
    '550 5.1.1 <<address>>: Recipient address rejected',
  );
  assert.equal(maskAddresses('to "ada@x.io", bob@y.example; done'), 'to "<address>", <address>; done');
  assert.equal(maskAddresses('connect ECONNREFUSED 127.0.0.1:25'), 'connect ECONNREFUSED 127.0.0.1:25');
});
