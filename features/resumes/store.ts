import crypto from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';

// Where resume bytes live. `database` (the default): in the resumes row, stored in the same transaction as
// the application. `s3`: in an S3-compatible bucket, for sites on several machines. The bucket is private:
// the site reads a resume for an admin it has authorised, and nobody else is ever sent to the bucket.

/** What a resumes row holds of the file: the bytes themselves, or the key of the object that holds them. */
export type StoredBytes = { data: Buffer; objectKey: string | null };

export type StoredObject = { key: string; lastModified: Date };

export interface ResumeStore {
  readonly kind: 'database' | 's3';
  /** Called before the transaction that stores the row naming it, so a crash leaves an orphan, never a gap. */
  put(bytes: Buffer): Promise<StoredBytes>;
  read(stored: StoredBytes): Promise<Buffer>;
  /** Called after the row naming it is gone. */
  remove(objectKey: string): Promise<void>;
  /** Every object, a page at a time (for the sweep). */
  list(): AsyncIterable<StoredObject[]>;
  removeMany(objectKeys: string[]): Promise<void>;
  /** Resolves when the store can be used (the readiness check): the bucket is there and answers these credentials. */
  reachable(): Promise<void>;
}

const PREFIX = 'resumes/';

export const databaseStore: ResumeStore = {
  kind: 'database',
  put: async (bytes) => ({ data: bytes, objectKey: null }),
  read: async (stored) => stored.data,
  remove: async () => {},
  list: async function* () {},
  removeMany: async () => {},
  reachable: async () => {},
};

export type S3Settings = { bucket: string; endpoint?: string; region: string; forcePathStyle: boolean };

type Sdk = typeof import('@aws-sdk/client-s3');

// The SDK loads when a bucket is first used, or at the server's start (instrumentation.ts): a site that keeps
// resumes in its database never pays for it (measured on the server's start: about 35 MB and 150 ms).
let sdk: Promise<Sdk> | undefined;
export const loadS3Sdk = () => (sdk ??= import('@aws-sdk/client-s3'));

export function s3Store(settings: S3Settings): ResumeStore {
  let connection: Promise<{ s3: Sdk; client: S3Client }> | undefined;
  const connect = () =>
    (connection ??= loadS3Sdk().then((s3) => ({
      s3,
      client: new s3.S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        // Checksums only where S3 requires them: servers other than AWS (MinIO, Ceph, s3rver) differ in the rest.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  const Bucket = settings.bucket;
  return {
    kind: 's3',
    async put(bytes) {
      const { s3, client } = await connect();
      // A new random key every time: an object is never overwritten, so a row always names what it stored.
      const objectKey = `${PREFIX}${crypto.randomUUID()}`;
      await client.send(new s3.PutObjectCommand({ Bucket, Key: objectKey, Body: bytes, ContentLength: bytes.length }));
      return { data: Buffer.alloc(0), objectKey };
    },
    async read(stored) {
      if (!stored.objectKey) return stored.data;
      const { s3, client } = await connect();
      const object = await client.send(new s3.GetObjectCommand({ Bucket, Key: stored.objectKey }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    async remove(objectKey) {
      const { s3, client } = await connect();
      // A versioned bucket keeps a deleted object's earlier versions (and a plain delete only adds a marker):
      // an erased resume goes with every version. A server without versioning, or a policy that does not
      // allow listing versions, refuses the list (s3rver: MethodNotAllowed): then the plain delete is all.
      const versions = await client.send(new s3.ListObjectVersionsCommand({ Bucket, Prefix: objectKey })).then(
        (page) => [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter((v) => v.Key === objectKey),
        () => [],
      );
      const Objects = versions.map((v) => ({ Key: objectKey, VersionId: v.VersionId }));
      if (Objects.some((o) => o.VersionId && o.VersionId !== 'null'))
        await client.send(new s3.DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
      else await client.send(new s3.DeleteObjectCommand({ Bucket, Key: objectKey }));
    },
    async *list() {
      const { s3, client } = await connect();
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new s3.ListObjectsV2Command({ Bucket, Prefix: PREFIX, ContinuationToken }));
        yield (page.Contents ?? []).map((o) => ({ key: o.Key!, lastModified: o.LastModified ?? new Date(0) }));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async removeMany(objectKeys) {
      const { s3, client } = await connect();
      for (let i = 0; i < objectKeys.length; i += 1000) {
        const Objects = objectKeys.slice(i, i + 1000).map((Key) => ({ Key }));
        await client.send(new s3.DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
      }
    },
    async reachable() {
      const { s3, client } = await connect();
      await client.send(new s3.HeadBucketCommand({ Bucket }));
    },
  };
}

/** The store RESUME_STORAGE names, with the S3_* settings; credentials come from the standard AWS variables. */
export function resumeStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ResumeStore {
  const kind = env.RESUME_STORAGE || 'database';
  if (kind === 'database') return databaseStore;
  if (kind !== 's3') throw new Error(`RESUME_STORAGE must be "database" or "s3"; got "${kind}"`);
  if (!env.S3_BUCKET)
    throw new Error('RESUME_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT for a server other than AWS)');
  return s3Store({
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    // Path-style addressing (https://host/bucket/key) works with every S3-compatible server; AWS prefers
    // virtual hosts, so it is the default only with an endpoint of one's own.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
  });
}

let store: ResumeStore | undefined;

/** The store of this process. */
export function resumeStore(): ResumeStore {
  store ??= resumeStoreFromEnv();
  return store;
}
