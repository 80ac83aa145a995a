import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptValues } from './state';

test('keeps what the candidate typed, never the file, the posting or the anti-bot fields', () => {
  const form = new FormData();
  form.append('$ACTION_REF_1', '');
  form.append('slug', 'data-engineer');
  form.append('startedAt', '123.sig');
  form.append('website', 'http://spam.example');
  form.append('fullName', 'Ada Lovelace');
  form.append('coverLetter', 'x'.repeat(30_000));
  form.append('resume', new File(['%PDF-1.7'], 'cv.pdf'));
  form.append('q_connectors', 'Kafka');
  form.append('q_connectors', 'Amazon S3');
  form.append('q_notice', 'One month');
  assert.deepEqual(keptValues(form), {
    fullName: 'Ada Lovelace',
    coverLetter: 'x'.repeat(20_000),
    q_connectors: ['Kafka', 'Amazon S3'],
    q_notice: 'One month',
  });
});

test('echoes at most 100 fields, however many a script sends', () => {
  const form = new FormData();
  for (let i = 0; i < 5_000; i++) form.append(`field${i}`, 'x');
  assert.equal(Object.keys(keptValues(form)).length, 100);
});
