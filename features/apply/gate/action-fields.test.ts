import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsActionBodyValid, noJsActionFieldsValid } from './action-fields';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const head = '{"id":"604dc123f5ea0789b10edeac61731123edb8ffdecd","bound":"$@1"}';

describe('no-JavaScript action fields', () => {
  test('the fields React renders are accepted', () => {
    assert.ok(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', head],
          ['$ACTION_1:1', '[{"status":"idle"}]'],
          ['$ACTION_KEY', 'k1'],
          ['fullName', 'A'],
        ]),
      ),
    );
    assert.ok(noJsActionFieldsValid(form([['$ACTION_ID_abc', '']])));
  });

  test('missing, malformed or dangling parts are refused', () => {
    assert.equal(noJsActionFieldsValid(form([['fullName', 'A']])), false);
    assert.equal(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', 'garbage{'],
          ['$ACTION_1:1', '[]'],
        ]),
      ),
      false,
    );
    assert.equal(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', head],
          ['$ACTION_1:1', 'garbage{'],
        ]),
      ),
      false,
    );
    assert.equal(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', head],
        ]),
      ),
      false,
    );
    assert.equal(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', head],
          ['$ACTION_1:1', '["$@5"]'],
        ]),
      ),
      false,
    );
    assert.equal(
      noJsActionFieldsValid(
        form([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', '{"bound":null}'],
        ]),
      ),
      false,
    );
  });
});

describe('JavaScript action bodies', () => {
  test('a state and a FormData are accepted', () => {
    assert.ok(
      jsActionBodyValid(
        form([
          ['0', '[{"status":"idle"},"$K1"]'],
          ['1_fullName', 'A'],
        ]),
      ),
    );
    assert.ok(jsActionBodyValid(form([['0', '[{"status":"error","message":"$undefined"},"$K1"]']])));
  });

  test('bad JSON, no root or a reference to a missing part is refused', () => {
    assert.equal(jsActionBodyValid(form([['0', 'garbage{']])), false);
    assert.equal(jsActionBodyValid(form([['x', 'y']])), false);
    assert.equal(jsActionBodyValid(form([['0', '["$@3"]']])), false);
  });
});

test('the state the page renders after an error, with $undefined, is accepted', () => {
  const state =
    '[{"status":"error","errors":{"email":["Enter an email"]},"message":"$undefined","values":{"fullName":"$$ rich"}}]';
  assert.ok(
    noJsActionFieldsValid(
      form([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', head],
        ['$ACTION_1:1', state],
      ]),
    ),
  );
});

/** The no-JavaScript form's action fields, with `state` as the bound state. */
const noJsForm = (state: string) =>
  form([
    ['$ACTION_REF_1', ''],
    ['$ACTION_1:0', head],
    ['$ACTION_1:1', state],
  ]);

test('a part nested hundreds of thousands of levels deep is refused, not a stack overflow', () => {
  const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
  assert.equal(jsActionBodyValid(form([['0', deep]])), false);
  assert.equal(noJsActionFieldsValid(noJsForm(deep)), false);
});

test('state nested a little, as a form with answers is, is accepted', () => {
  const state = JSON.stringify([{ status: 'error', errors: { q_x: ['a'] }, values: { q_y: ['b', 'c'] } }]);
  assert.ok(noJsActionFieldsValid(noJsForm(state)));
});
