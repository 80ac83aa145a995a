import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unknownFields } from './form-data';

test('fields the form never sends are reported; the form, answer, honeypot and React fields are not', () => {
  const form = new FormData();
  for (const name of [
    'slug',
    'fullName',
    'website',
    'startedAt',
    '$ACTION_REF_1',
    '$ACTION_1:0',
    'q_years',
    'isAdmin',
    'status',
    'isAdmin',
  ])
    form.append(name, 'x');
  assert.deepEqual(unknownFields(form, [{ id: 'years', label: 'Years', type: 'number', required: true } as never]), [
    'isAdmin',
    'status',
  ]);
});
