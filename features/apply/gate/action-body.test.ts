import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionBodyValid } from './action-body';

// Bodies a script can post to any page's server action: each React could not decode is caught (Next would
// answer 500); what a browser sends passes.

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/applications', { method: 'POST', body, headers });
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const ACTION = { 'Next-Action': '7f'.repeat(21) };

test('with JavaScript: part 0 must be JSON whose references name parts that were sent', async () => {
  assert.equal(await actionBodyValid(post(form([['0', 'not json']]), ACTION)), false);
  assert.equal(await actionBodyValid(post(form([['0', '["$@9"]']]), ACTION)), false);
  assert.equal(await actionBodyValid(post(form([['0', '['.repeat(10_000)]]), ACTION)), false);
  assert.equal(await actionBodyValid(post(form([['0', '[null,"$K1"]']]), ACTION)), true);
  assert.equal(
    await actionBodyValid(
      post(
        form([
          ['0', '["$@1"]'],
          ['1', '"x"'],
        ]),
        ACTION,
      ),
    ),
    true,
  );
});

test('with JavaScript and a text body: the same rules, with no parts to point at', async () => {
  const text = { ...ACTION, 'Content-Type': 'text/plain;charset=UTF-8' };
  assert.equal(await actionBodyValid(post('not json', text)), false);
  assert.equal(await actionBodyValid(post('["$@1"]', text)), false);
  assert.equal(await actionBodyValid(post('[1,"two"]', text)), true);
});

test('without JavaScript: the action fields must hold what React renders; a plain form is no action', async () => {
  assert.equal(
    await actionBodyValid(
      post(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', '{"id":"x","bound":"$@1"}'],
          ['$ACTION_1:1', 'garbage'],
        ]),
      ),
    ),
    false,
  );
  assert.equal(
    await actionBodyValid(
      post(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', '{"id":"x","bound":"$@1"}'],
          ['$ACTION_1:1', '[]'],
        ]),
      ),
    ),
    true,
  );
  assert.equal(await actionBodyValid(post(form([['email', 'a@example.com']]))), true);
});
