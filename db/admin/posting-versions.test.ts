import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import { storeApplication, type StoreResult } from '@/db/applications';
import type { Database } from '@/db/database';
import { postingFrontMatterSchema } from '@/lib/content/posting-schema';
import { postingVersionOf, type PostingVersion } from '@/lib/content/posting-version';
import { signedContext, signedInContext } from '@/test-support/admin-session';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { getApplication } from './applications';
import { NotSignedInError } from './context';
import { getAppliedVersion } from './posting-versions';

const posting = {
  ...postingFrontMatterSchema.parse({ title: 'Data Engineer', position: 1, category: 'Engineering' }),
  slug: 'data-engineer',
  file: 'content/postings/data-engineer.mdx',
  body: '## The team\n\n<common-section section-name="team"></common-section>\n',
};
const versionWith = (team: string) => postingVersionOf(posting, new Map([['team', team]]));

async function apply(database: Database, email: string, version: PostingVersion): Promise<number> {
  const result: StoreResult = await storeApplication(
    {
      postingSlug: posting.slug,
      postingTitle: posting.title,
      fullName: email.split('@')[0]!,
      email,
      consentAt: new Date(),
      resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
      version,
    },
    database,
  );
  assert.equal(result.status, 'stored');
  return (result as { id: number }).id;
}

const versionRows = async ({ db, t }: Database) => (await db.select({ n: count() }).from(t.postingVersions))[0]!.n;

for (const dialect of testDialects()) {
  describe(`posting versions on ${dialect}`, () => {
    test('one row per version; an application keeps the text its candidate read after an edit', async (t) => {
      const database = await freshDatabase(dialect, t);
      const before = versionWith('Eight engineers.\n');
      const first = await apply(database, 'ada@example.com', before);
      await apply(database, 'grace@example.com', versionWith('Eight engineers.\n'));
      assert.equal(await versionRows(database), 1, 'the same content is stored once');

      // The shared section is edited: the next candidate reads a new version.
      const after = versionWith('Nine engineers, two designers.\n');
      assert.notEqual(after.hash, before.hash);
      const later = await apply(database, 'linus@example.com', after);
      assert.equal(await versionRows(database), 2);

      const ctx = await signedInContext(database);
      const read = await getAppliedVersion(first, ctx);
      assert.equal(read?.hash, before.hash);
      assert.equal(read?.postingSlug, 'data-engineer');
      assert.equal(read?.body, '## The team\n\nEight engineers.\n');
      assert.equal(read?.frontMatter.title, 'Data Engineer');
      assert.equal((await getAppliedVersion(later, ctx))?.body, '## The team\n\nNine engineers, two designers.\n');
      const detail = await getApplication(first, ctx);
      assert.equal(detail?.versionAt?.getTime(), read?.createdAt.getTime());
    });

    test('applications from before versions have none; reading one needs a session', async (t) => {
      const database = await freshDatabase(dialect, t);
      const result = await storeApplication(
        {
          postingSlug: 'old',
          postingTitle: 'Old',
          fullName: 'Old Timer',
          email: 'old@example.com',
          consentAt: new Date(),
          resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
        },
        database,
      );
      const id = (result as { id: number }).id;
      const ctx = await signedInContext(database);
      assert.equal(await getAppliedVersion(id, ctx), null);
      assert.equal((await getApplication(id, ctx))?.versionAt, null);
      assert.equal(await getAppliedVersion(999, ctx), null);
      await assert.rejects(getAppliedVersion(id, signedContext(database, undefined)), NotSignedInError);
    });
  });
}
