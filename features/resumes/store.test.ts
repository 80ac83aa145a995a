import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { count, eq } from 'drizzle-orm';
import { storeApplication } from '@/features/apply/store';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { newApplication } from '@/test-support/factories';
import { s3Store, type ResumeStore } from './store';
import { sweepOrphans } from './sweep';

// Against a real S3-compatible server (s3rver, started by `npm test`: TEST_S3_ENDPOINT), never a mock.
const endpoint = process.env.TEST_S3_ENDPOINT;

async function freshBucket(): Promise<ResumeStore> {
  const bucket = `test-${crypto.randomBytes(4).toString('hex')}`;
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return s3Store({ bucket, endpoint, region: 'us-east-1', forcePathStyle: true });
}

async function everyObject(store: ResumeStore) {
  const objects = [];
  for await (const page of store.list()) objects.push(...page);
  return objects;
}

const application = (email: string, bytes: Buffer) =>
  newApplication({
    fullName: 'Stored Elsewhere',
    email,
    resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes },
  });

describe('resumes in S3-compatible storage', { skip: endpoint ? false : 'TEST_S3_ENDPOINT is not set' }, () => {
  test('a 3 MB file goes in and comes back byte for byte, under a new key every time; removed, it is gone', async () => {
    const store = await freshBucket();
    const bytes = crypto.randomBytes(3 * 1024 * 1024);
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    assert.notEqual(first.objectKey, second.objectKey);
    assert.equal(first.data.length, 0, 'the row keeps no bytes');
    assert.ok((await store.read(first)).equals(bytes));
    await store.remove(first.objectKey!);
    await assert.rejects(store.read(first));
  });

  test('the readiness check reaches a bucket that is there, and fails for one that is not', async () => {
    await (await freshBucket()).reachable();
    const missing = s3Store({
      bucket: `missing-${crypto.randomBytes(4).toString('hex')}`,
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
    });
    await assert.rejects(missing.reachable());
  });

  for (const dialect of testDialects()) {
    test(`on ${dialect}: an application's resume is stored in the bucket, and a failed store leaves no object`, async (t) => {
      const database = await freshDatabase(dialect, t);
      const store = await freshBucket();
      const bytes = Buffer.from(`%PDF-1.7 ${crypto.randomUUID()}`);
      await storeApplication({ application: application('a@example.com', bytes), database, store });
      const [row] = await database.db.select().from(database.t.resumes);
      assert.ok(row?.objectKey);
      assert.ok((await store.read(row)).equals(bytes));
      // The same address again: refused, and the object put for it is removed, not left behind.
      assert.deepEqual(await storeApplication({ application: application('a@example.com', bytes), database, store }), {
        status: 'duplicate',
      });
      const objects = await everyObject(store);
      assert.deepEqual(
        objects.map((o) => o.key),
        [row.objectKey],
      );
    });

    test(`on ${dialect}: the sweep removes objects no row names once they are an hour old, and nothing else`, async (t) => {
      const database = await freshDatabase(dialect, t);
      const store = await freshBucket();
      await storeApplication({
        application: application('kept@example.com', Buffer.from('%PDF-1.7 kept')),
        database,
        store,
      });
      const orphan = await store.put(Buffer.from('%PDF-1.7 left by a crash'));
      const young = await sweepOrphans({ database, store });
      assert.deepEqual(young, { seen: 2, removed: 0 }, 'an object younger than an hour may still be being stored');
      const later = await sweepOrphans({ database, store, now: Date.now() + 2 * 60 * 60 * 1000 });
      assert.deepEqual(later, { seen: 2, removed: 1 });
      const left = (await everyObject(store)).map((o) => o.key);
      assert.ok(!left.includes(orphan.objectKey!));
      const [{ n }] = (await database.db
        .select({ n: count() })
        .from(database.t.resumes)
        .where(eq(database.t.resumes.objectKey, left[0]!))) as [{ n: number }];
      assert.equal(n, 1, 'the object that is left is the one a resume names');
    });
  }
});
