import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import type { Database } from '@/db/database';
import { createLink, readCandidateSession, readLink } from '@/features/candidate/links';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, candidateContext } from '@/test-support/factories';
import { requestAccessLink, signOutEverywhere } from './access';
import { eraseOwnApplication } from './applications';

// What the candidate's private link and the access form leave behind: the address is never in the rate-limit
// table, not even as a plain hash; a new link ends the old ones; "sign out everywhere" ends everything.

const store = resumeStoreFromEnv({ RESUME_STORAGE: 'database' } as unknown as NodeJS.ProcessEnv);
const EMAIL = 'grace.hopper@example.com';

const apply = (database: Database) =>
  applyTo({ database, store, postingSlug: 'backend-engineer', fullName: 'Grace Hopper', email: EMAIL });

const signedIn = (database: Database) => candidateContext({ database, emailKey: EMAIL });

const rateKeys = async ({ db, t }: Database) =>
  (await db.select({ key: t.rateLimits.key }).from(t.rateLimits)).map((r) => r.key);

for (const dialect of testDialects()) {
  describe(`the candidate's links and traces on ${dialect}`, () => {
    test('the mailbox limit is keyed by a keyed hash, which goes with the person', async (t) => {
      const database = await freshDatabase(dialect, t);
      const id = await apply(database);
      assert.equal(await requestAccessLink({ database, email: EMAIL }), true);
      const plain = crypto.createHash('sha256').update(`access:${EMAIL}`).digest('hex');
      const keys = await rateKeys(database);
      assert.equal(keys.length, 1);
      assert.ok(!keys[0]!.includes(plain) && !keys[0]!.includes(EMAIL), keys[0]);
      assert.equal(await eraseOwnApplication({ id, context: await signedIn(database) }), 'done');
      assert.deepEqual(await rateKeys(database), []);
    });

    test('asking for a new link ends the earlier ones; sessions stay', async (t) => {
      const database = await freshDatabase(dialect, t);
      await apply(database);
      const old = await createLink({ database, emailKey: EMAIL });
      const session = await signedIn(database);
      assert.equal(await readLink({ database, token: old }), EMAIL);
      await requestAccessLink({ database, email: EMAIL });
      assert.equal(await readLink({ database, token: old }), null);
      assert.ok(await readCandidateSession({ database, token: await session.token() }));
      // An address with no application gets the same answer and changes nothing.
      assert.equal(await requestAccessLink({ database, email: 'nobody@example.com' }), false);
    });

    test('signing out everywhere ends every session and every link of the address', async (t) => {
      const database = await freshDatabase(dialect, t);
      await apply(database);
      const link = await createLink({ database, emailKey: EMAIL });
      const [here, elsewhere] = [await signedIn(database), await signedIn(database)];
      const other = await createLink({ database, emailKey: 'someone.else@example.com' });
      await signOutEverywhere(here);
      assert.equal(await readLink({ database, token: link }), null);
      assert.equal(await readCandidateSession({ database, token: await here.token() }), null);
      assert.equal(await readCandidateSession({ database, token: await elsewhere.token() }), null);
      assert.equal(await readLink({ database, token: other }), 'someone.else@example.com', 'nobody else is signed out');
    });
  });
}
