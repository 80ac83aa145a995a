import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { ResumeUpload } from '@/lib/application/check';
import { emailKey } from '@/lib/email-key';
import { IMMEDIATE, type Db } from './client';
import { getDb } from './index';
import { applications, resumes } from './schema';

export class DuplicateApplicationError extends Error {
  constructor() {
    super('An application with this email address already exists for this posting');
  }
}

/** Nothing was stored: the hourly quota of resume bytes is used up, or the database cannot grow (disk full). */
export class StorageUnavailableError extends Error {
  constructor(readonly reason: 'quota' | 'full') {
    super(reason === 'quota' ? 'The hourly quota of stored resume bytes is used up' : 'The database cannot grow');
  }
}

/** RESUME_QUOTA_MB_PER_HOUR: resume bytes the whole site stores per hour before it refuses more. */
export function resumeQuotaBytes(setting = process.env.RESUME_QUOTA_MB_PER_HOUR): number {
  const mb = setting ? Number(setting) : 1024;
  if (!Number.isFinite(mb) || mb <= 0)
    throw new Error(`RESUME_QUOTA_MB_PER_HOUR must be a positive number; got "${setting}"`);
  return mb * 1024 * 1024;
}

/** An application as the candidate sent it; the reference, keys, status and times are the database's. */
export type NewApplication = Omit<
  typeof applications.$inferInsert,
  'id' | 'reference' | 'emailKey' | 'resumeId' | 'status' | 'createdAt'
> & { resume: ResumeUpload };

// Crockford's base32 without I, L, O, U: a reference a candidate can read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Stores the application and its resume in one transaction: both are stored, or neither is. */
export function storeApplication(
  { resume, ...application }: NewApplication,
  db: Db = getDb(),
  quotaBytes = resumeQuotaBytes(),
): { id: number; reference: string } {
  const reference = newReference();
  const key = emailKey(application.email);
  try {
    const id = db.transaction((tx) => {
      const existing = tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.postingSlug, application.postingSlug), eq(applications.emailKey, key)))
        .get();
      if (existing) throw new DuplicateApplicationError();
      const now = new Date();
      // Many addresses, each under its own rate limit, could still fill the disk: the site stores at most
      // this many resume bytes an hour. Checked inside the transaction, so concurrent writers see each other.
      const lastHour = tx
        .select({ bytes: sql<number>`coalesce(sum(${resumes.size}), 0)`.mapWith(Number) })
        .from(resumes)
        .where(gt(resumes.createdAt, new Date(now.getTime() - 3_600_000)))
        .get();
      if ((lastHour?.bytes ?? 0) + resume.bytes.length > quotaBytes) throw new StorageUnavailableError('quota');
      const resumeId = crypto.randomUUID();
      tx.insert(resumes)
        .values({
          id: resumeId,
          fileName: resume.fileName,
          mediaType: resume.mediaType,
          size: resume.bytes.length,
          sha256: crypto.createHash('sha256').update(resume.bytes).digest('hex'),
          data: resume.bytes,
          createdAt: now,
        })
        .run();
      return tx
        .insert(applications)
        .values({
          ...application,
          answers: application.answers?.length ? application.answers : null,
          reference,
          emailKey: key,
          resumeId,
          createdAt: now,
        })
        .returning({ id: applications.id })
        .get().id;
    }, IMMEDIATE);
    return { id, reference };
  } catch (error) {
    // Two submissions racing past the check meet the unique index instead.
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('email_key')) {
      throw new DuplicateApplicationError();
    }
    // The transaction rolled back: nothing of the application or its resume is stored.
    if (code === 'SQLITE_FULL') throw new StorageUnavailableError('full');
    throw error;
  }
}
