import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Database } from '@/db/database';
import { transaction } from '@/db/transaction';
import { deliverDue } from '@/features/mail/deliver';
import { fileTransport } from '@/features/mail/transport';
import { eraseSteps } from '@/features/privacy/erasure';
import { forgetErasedMail } from '@/jobs/maintenance';
import { applicationRows } from '@/test-support/application-rows';
import { freshDatabase, testDialects } from '@/test-support/databases';

// Without SMTP the site's emails are files on its own disk, each naming the candidate: after an erasure the
// worker removes the files of every email about the erased application (and the erasure's confirmation once
// it is written), keeps everyone else's, and logs outbox ids, never a subject or an address.

const apply = (database: Database, fullName: string, email: string) => applicationRows(database, { fullName, email });

const holding = (dir: string, text: string) =>
  fs.readdirSync(dir).filter((name) => fs.readFileSync(path.join(dir, name), 'utf8').includes(text));

for (const dialect of testDialects()) {
  describe(`mail files after an erasure on ${dialect}`, () => {
    test('every file about the erased application goes, the others stay, the log names nobody', async (t) => {
      const database = await freshDatabase(dialect, t);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-mail-'));
      t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
      const logged: string[] = [];
      t.mock.method(console, 'log', (line: string) => logged.push(line));
      const transport = fileTransport(dir);
      const erased = await apply(database, 'Katherine Zorblax', 'katherine.zorblax@example.com');
      await apply(database, 'Dorothy Vaughan', 'dorothy@example.com');
      await deliverDue({ database, transport });
      assert.equal(holding(dir, 'Zorblax').length, 2, 'the confirmation and the note to the team');

      const now = Date.now();
      await transaction(database, (tx) => eraseSteps({ tx, t: database.t, id: erased, now, notify: true }));
      await deliverDue({ database, transport });
      assert.equal(await forgetErasedMail({ database, transport }), true);
      assert.deepEqual(holding(dir, 'Zorblax'), []);
      assert.deepEqual(holding(dir, 'katherine.zorblax'), []);
      assert.equal(holding(dir, 'Dorothy Vaughan').length, 2, 'another candidate’s emails stay');
      assert.equal(await forgetErasedMail({ database, transport }), false, 'nothing more was asked for');
      assert.ok(logged.length >= 5);
      for (const line of logged) assert.match(line, /^\[mail\] outbox #\d+ written to /);
      assert.doesNotMatch(logged.join('\n'), /Zorblax|Dorothy|@example\.com|Backend Engineer/);
    });
  });
}
