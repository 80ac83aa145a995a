import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { AppDb, Database, Tables } from '@/db/database';
import { isStorageFull, isUniqueViolation } from '@/db/dialect';
import { exclusive, one, run, transaction } from '@/db/transaction';
import type { ResumeUpload } from '@/features/apply/check';
import { emailKey } from '@/features/mail/email-key';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { resumeStore, type ResumeStore } from '@/features/resumes/store';
import { queueWebhooks } from '@/features/webhooks/queue';
import type { PostingVersion } from '@/lib/content/posting-version';

class DuplicateApplicationError extends Error {
  constructor(readonly existingId?: number) {
    super('An application with this email address already exists for this posting');
  }
}

/**
 * What became of a submission. A duplicate stores nothing new; the address is told by email (and only the
 * mailbox's owner learns that it had applied), while the screen says what it says to everyone.
 */
export type StoreResult = { status: 'stored'; id: number; reference: string } | { status: 'duplicate' };

/** Nothing was stored: the hourly quota of resume bytes is used up, or the database cannot grow (disk full). */
export class StorageUnavailableError extends Error {
  constructor(readonly reason: 'quota' | 'full') {
    super(reason === 'quota' ? 'The hourly quota of stored resume bytes is used up' : 'The database cannot grow');
  }
}

/** RESUME_QUOTA_MB_PER_HOUR: resume bytes the whole site stores per hour before it refuses more. */
export function resumeQuotaBytes(setting = process.env.RESUME_QUOTA_MB_PER_HOUR): number {
  const mb = setting ? Number(setting) : 1024;
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new Error(`RESUME_QUOTA_MB_PER_HOUR must be a positive number; got "${setting}"`);
  }
  return mb * 1024 * 1024;
}

/**
 * An application as the candidate sent it, with the version of the posting they read (stored once per
 * version); the reference, keys, status and times are the database's.
 */
export type NewApplication = Omit<
  Tables['applications']['$inferInsert'],
  'id' | 'reference' | 'emailKey' | 'resumeId' | 'status' | 'createdAt' | 'postingVersion'
> & { resume: ResumeUpload; version?: PostingVersion };

// Crockford's base32 without I, L, O, U: a reference a candidate can read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const DUPLICATE = { name: 'applications_posting_email_key', column: 'applications.email_key' };

type Fields = Omit<NewApplication, 'resume' | 'version'>;

/**
 * Many addresses, each under its own rate limit, could still fill the disk: the site stores at most this many
 * resume bytes an hour. Checked inside the transaction, after taking the quota's lock, so concurrent writers
 * see each other. The duplicate after the quota: with the quota spent, a new address and one that already
 * applied get the same answer, so the form cannot tell who has applied.
 */
function* admit({ database, tx, key, postingSlug, size, quotaBytes, now }: Admission) {
  const { t } = database;
  yield* exclusive(database, tx, 'resume-quota');
  const lastHour = yield* one(
    tx
      .select({ bytes: sql<number>`coalesce(sum(${t.resumes.size}), 0)`.mapWith(Number) })
      .from(t.resumes)
      .where(gt(t.resumes.createdAt, new Date(now.getTime() - 3_600_000))),
  );
  if ((lastHour?.bytes ?? 0) + size > quotaBytes) throw new StorageUnavailableError('quota');
  const existing = yield* one(
    tx
      .select({ id: t.applications.id })
      .from(t.applications)
      .where(and(eq(t.applications.postingSlug, postingSlug), eq(t.applications.emailKey, key)))
      .limit(1),
  );
  if (existing) throw new DuplicateApplicationError(existing.id);
}

type Admission = {
  database: Database;
  tx: AppDb;
  key: string;
  postingSlug: string;
  size: number;
  quotaBytes: number;
  now: Date;
};

/** The emails an application causes: the candidate's confirmation, and a note to each of the hiring team. */
function* queueApplicationMail({
  tx,
  t,
  id,
  fields,
  reference,
  hiringTeam,
  at,
}: {
  tx: AppDb;
  t: Tables;
  id: number;
  fields: Fields;
  reference: string;
  hiringTeam: readonly string[];
  at: number;
}) {
  const { postingTitle, fullName: candidateName, email } = fields;
  const confirmation = mail('application_received', email, { postingTitle, reference, candidateName }, id);
  yield* run(queueMail({ db: tx, t, mail: confirmation, now: at }));
  for (const member of hiringTeam) {
    const note = mail('new_application', member, { postingTitle, candidateName, applicationId: id }, id);
    yield* run(queueMail({ db: tx, t, mail: note, now: at }));
  }
}

/**
 * Stores the application and its resume: both are stored, or neither is. With object storage the file is put
 * first, under a new key, and the rows that name it follow in one transaction; a failure removes the object,
 * and a crash in between leaves only an object the sweep deletes (features/resumes/sweep.ts).
 */
export async function storeApplication({
  application: { resume, version, ...application },
  database: given,
  quotaBytes = resumeQuotaBytes(),
  store = resumeStore(),
  hiringTeam = [],
}: {
  application: NewApplication;
  /** The site's database when left out. */
  database?: Database;
  quotaBytes?: number;
  store?: ResumeStore;
  hiringTeam?: readonly string[];
}): Promise<StoreResult> {
  const database = given ?? (await getDb());
  const { t } = database;
  const reference = newReference();
  const key = emailKey(application.email);
  const sha256 = crypto.createHash('sha256').update(resume.bytes).digest('hex');
  const stored = await store.put(resume.bytes);
  try {
    const id = await transaction(database, function* (tx) {
      const now = new Date();
      const size = resume.bytes.length;
      yield* admit({ database, tx, key, postingSlug: application.postingSlug, size, quotaBytes, now });
      const resumeId = crypto.randomUUID();
      const { fileName, mediaType } = resume;
      yield* run(
        tx.insert(t.resumes).values({ id: resumeId, fileName, mediaType, size, sha256, ...stored, createdAt: now }),
      );
      // The first application to a version stores its text; later ones only point at it.
      if (version) {
        const values = { ...version, createdAt: now };
        yield* run(tx.insert(t.postingVersions).values(values).onConflictDoNothing({ target: t.postingVersions.hash }));
      }
      const answers = application.answers?.length ? application.answers : null;
      const postingVersion = version?.hash ?? null;
      const row = yield* one(
        tx
          .insert(t.applications)
          .values({ ...application, answers, postingVersion, reference, emailKey: key, resumeId, createdAt: now })
          .returning({ id: t.applications.id }),
      );
      yield* queueApplicationMail({
        tx,
        t,
        id: row!.id,
        fields: application,
        reference,
        hiringTeam,
        at: now.getTime(),
      });
      const posting = { slug: application.postingSlug, title: application.postingTitle };
      const subject = {
        event: 'application.created' as const,
        application: { id: row!.id, reference, status: 'new' as const, posting },
      };
      yield* queueWebhooks({ tx, t, subject, now: now.getTime() });
      return row!.id;
    });
    return { status: 'stored', id, reference };
  } catch (error) {
    if (stored.objectKey) await store.remove(stored.objectKey).catch(() => {});
    // Two submissions racing past the check meet the unique index instead.
    if (error instanceof DuplicateApplicationError || isUniqueViolation(error, DUPLICATE)) {
      await tellDuplicate(database, application, (error as DuplicateApplicationError).existingId);
      return { status: 'duplicate' };
    }
    // The transaction rolled back: nothing of the application or its resume is stored.
    if (isStorageFull(error)) throw new StorageUnavailableError('full');
    throw error;
  }
}

/** The email to an address that applied again for the same posting: nothing new was stored. */
async function tellDuplicate(database: Database, application: Omit<NewApplication, 'resume'>, existingId?: number) {
  const { db, t } = database;
  const key = emailKey(application.email);
  const id =
    existingId ??
    (
      await db
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(and(eq(t.applications.postingSlug, application.postingSlug), eq(t.applications.emailKey, key)))
    )[0]?.id;
  await queueMail({
    db,
    t,
    mail: mail('application_duplicate', application.email, { postingTitle: application.postingTitle }, id),
  });
}
