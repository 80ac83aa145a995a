import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { getApplication } from '@/features/application/queries';
import { storeApplication } from '@/features/apply/store';
import { NotSignedInError } from '@/features/staff/context';
import { postingFrontMatterSchema } from '@/lib/content/posting-schema';
import { postingVersionOf, type PostingVersion } from '@/lib/content/posting-version';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { signedContext, teamAccount } from '@/test-support/factories';
import { applyTo } from '@/test-support/factories';
import { getAppliedVersion } from './posting-versions';

const posting = {
  ...postingFrontMatterSchema.parse({ title: 'Data Engineer', position: 1, category: 'Engineering' }),
  slug: 'data-engineer',
  file: 'content/postings/data-engineer.mdx',
  body: '## The team\n\n<common-section section-name="team"></common-section>\n',
};
const versionWith = (team: string) => postingVersionOf(posting, new Map([['team', team]]));

const apply = (database: Database, email: string, version: PostingVersion) =>
  applyTo({
    database,
    postingSlug: posting.slug,
    postingTitle: posting.title,
    fullName: email.split('@')[0]!,
    email,
    version,
  });

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

      const { context: ctx } = await teamAccount({ database });
      const read = await getAppliedVersion({ applicationId: first, context: ctx });
      assert.equal(read?.hash, before.hash);
      assert.equal(read?.postingSlug, 'data-engineer');
      assert.equal(read?.body, '## The team\n\nEight engineers.\n');
      assert.equal(read?.frontMatter.title, 'Data Engineer');
      assert.equal(
        (await getAppliedVersion({ applicationId: later, context: ctx }))?.body,
        '## The team\n\nNine engineers, two designers.\n',
      );
      const detail = await getApplication({ id: first, context: ctx });
      assert.equal(detail?.versionAt?.getTime(), read?.createdAt.getTime());
    });

    test('applications from before versions have none; reading one needs a session', async (t) => {
      const database = await freshDatabase(dialect, t);
      const result = await storeApplication({
        application: {
          postingSlug: 'old',
          postingTitle: 'Old',
          fullName: 'Old Timer',
          email: 'old@example.com',
          consentAt: new Date(),
          resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
        },
        database,
      });
      const id = (result as { id: number }).id;
      const { context: ctx } = await teamAccount({ database });
      assert.equal(await getAppliedVersion({ applicationId: id, context: ctx }), null);
      assert.equal((await getApplication({ id, context: ctx }))?.versionAt, null);
      assert.equal(await getAppliedVersion({ applicationId: 999, context: ctx }), null);
      await assert.rejects(
        getAppliedVersion({ applicationId: id, context: signedContext(database, undefined) }),
        NotSignedInError,
      );
    });
  });
}
