import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTableColumns, is, Table } from 'drizzle-orm';
import { erasedValues, PERSONAL_DATA, shownColumns } from './personal-data';
import * as postgres from './postgres';
import * as sqlite from './sqlite';

// Erasure, the candidate's download and the team's export read the declaration: a table or a column it does
// not classify would be erased, handed out or kept by nobody's decision. (`npm run typecheck` catches a
// column of an existing table too; this catches a new table, and runs on both schemas.)

for (const [dialect, schema] of Object.entries({ sqlite, postgres })) {
  test(`every table and column of the ${dialect} schema is classified`, () => {
    const tables = Object.entries(schema).filter(([, value]) => is(value, Table)) as [string, Table][];
    assert.ok(tables.length >= 18);
    for (const [name, table] of tables) {
      const declared = (PERSONAL_DATA as Record<string, Record<string, unknown>>)[name];
      assert.ok(declared, `table ${name} is not classified in db/schema/personal-data.ts`);
      assert.deepEqual(
        Object.keys(getTableColumns(table)).sort(),
        Object.keys(declared).sort(),
        `the columns of ${name} and their classification differ`,
      );
    }
    assert.deepEqual(Object.keys(PERSONAL_DATA).sort(), tables.map(([name]) => name).sort());
  });
}

test('erasure overwrites every candidate column of the stub and nothing else', () => {
  assert.deepEqual(erasedValues('applications', 7), {
    fullName: 'Erased applicant',
    email: 'erased-7@erased.invalid',
    emailKey: 'erased:7',
    phone: null,
    location: null,
    profileUrl: null,
    coverLetter: null,
    answers: null,
    source: null,
    sourceMedium: null,
    sourceCampaign: null,
    referrer: null,
  });
  assert.deepEqual(Object.keys(erasedValues('outbox', 7)).sort(), ['data', 'lastError', 'toAddress']);
});

test('what is handed out is named and labelled once', () => {
  const shown = shownColumns('applications');
  assert.deepEqual(
    shown.map((c) => c.key),
    [
      'fullName',
      'email',
      'phone',
      'location',
      'profileUrl',
      'coverLetter',
      'answers',
      'source',
      'sourceMedium',
      'sourceCampaign',
      'referringSite',
    ],
  );
  assert.ok(!shown.some((c) => c.column === 'emailKey'), 'the lookup key is derived, not handed out');
});
