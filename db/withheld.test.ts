import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { format } from 'node:util';
import { guardedConsole, withheld } from '@/lib/log';
import { freshDatabase, testDialects } from '@/test-support/databases';

// A database error the site does not catch reaches the log through Next's console.error: drizzle's message
// lists the query's parameters and PostgreSQL's detail quotes the key's value. The console the server installs
// (lib/log.ts) withholds both, as text and as JSON.

const EMAIL = 'ada.lovelace@example.com';

for (const dialect of testDialects()) {
  describe(`database errors in the log on ${dialect}`, () => {
    test('a failed query as Next would log it names no parameter and no key value', async (t) => {
      const database = await freshDatabase(dialect, t);
      const { db, t: tables } = database;
      const row = { email: EMAIL, passwordHash: 'x', createdAt: new Date() };
      await db.insert(tables.adminUsers).values(row);
      const error = await db
        .insert(tables.adminUsers)
        .values(row)
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      assert.ok(error, 'the second insert fails on the unique email');
      // better-sqlite3's error quotes no value; drizzle's on PostgreSQL does, twice (what this test guards).
      if (dialect === 'postgres') {
        assert.ok(format(error).includes(EMAIL), 'unguarded, the error quotes the address');
        assert.match(withheld(format(error)), /params: \[withheld\]/);
      }
      assert.ok(!withheld(format(error)).includes(EMAIL));

      for (const mode of ['text', 'json'] as const) {
        const lines: string[] = [];
        const restore = mode === 'json' ? guardedConsole('json', (line) => lines.push(line)) : guardedConsole('text');
        const writes: string[] = [];
        const original = process.stderr.write.bind(process.stderr);
        if (mode === 'text') {
          process.stderr.write = ((chunk: string) => writes.push(String(chunk)) > 0) as typeof process.stderr.write;
        }
        try {
          console.error('⨯', error);
        } finally {
          restore();
          process.stderr.write = original;
        }
        const out = mode === 'json' ? lines.join('\n') : writes.join('');
        assert.ok(out.length > 0, `${mode}: the error was logged`);
        assert.ok(!out.includes(EMAIL), `${mode}: no address in ${out.slice(0, 300)}`);
      }
    });
  });
}

test('withheld: parameters and key values go, the rest of the message stays', () => {
  assert.equal(
    withheld('Failed query: insert into "x" ("a") values ($1)\nparams: Ada,ada@example.com\n    at y'),
    'Failed query: insert into "x" ("a") values ($1)\nparams: [withheld]\n    at y',
  );
  assert.equal(
    withheld("detail: 'Key (posting_slug, email_key)=(backend, ada@example.com) already exists.'"),
    "detail: 'Key (posting_slug, email_key)=(…) already exists.'",
  );
  assert.equal(withheld('nothing to hide'), 'nothing to hide');
});
