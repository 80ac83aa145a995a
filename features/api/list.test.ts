import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOSTILE_VALUES } from '@/test-support/hostile-values';
import { parseListQuery } from './list';
import { ApiProblem } from './problem';

// The list's query is read strictly: every parameter the API does not know, repeats, or cannot use is named
// in a 400, and no hostile value reaches the database (a NUL made PostgreSQL fail the request).

const refusal = (query: string) => {
  try {
    parseListQuery(new URLSearchParams(query));
  } catch (error) {
    assert.ok(error instanceof ApiProblem);
    return { status: error.status, invalid: error.extra.invalid };
  }
  return null;
};

test('known filters are read as the inbox reads them, with the cursor', () => {
  assert.deepEqual(parseListQuery(new URLSearchParams('status=new&posting=backend&cursor=42&q=ada')), {
    status: 'new',
    posting: 'backend',
    cursor: 42,
    q: 'ada',
  });
  assert.deepEqual(parseListQuery(new URLSearchParams('')), {});
});

test('unknown, repeated and invalid parameters are each named', () => {
  assert.deepEqual(refusal('nope=1'), {
    status: 400,
    invalid: [
      {
        name: 'nope',
        reason: 'unknown parameter; expected one of posting, status, source, from, to, q, assigned, cursor',
      },
    ],
  });
  assert.deepEqual(refusal('status=new&status=hired')?.invalid, [{ name: 'status', reason: 'given more than once' }]);
  assert.deepEqual(
    refusal('cursor=0&from=2026-02-30&assigned=you')
      ?.invalid?.map((i) => i.name)
      .sort(),
    ['assigned', 'cursor', 'from'],
  );
  assert.deepEqual(refusal('source=a%00b')?.invalid, [{ name: 'source', reason: 'contains control characters' }]);
  assert.deepEqual(refusal('q=%E2%80%AEevil')?.invalid, [{ name: 'q', reason: 'contains control characters' }]);
});

test('no hostile value escapes as anything but a 400 or a clean filter', () => {
  for (const value of HOSTILE_VALUES) {
    for (const name of ['posting', 'status', 'source', 'from', 'to', 'q', 'assigned', 'cursor']) {
      const params = new URLSearchParams();
      params.set(name, value);
      try {
        const parsed = parseListQuery(params);
        for (const v of Object.values(parsed)) assert.doesNotMatch(String(v), /[\u0000-\u001f]/);
      } catch (error) {
        assert.ok(error instanceof ApiProblem && error.status === 400, `${name}=${JSON.stringify(value)}`);
      }
    }
  }
});
