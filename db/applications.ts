import 'server-only';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ResumeUpload } from '@/lib/application/check';
import { emailKey } from '@/lib/email-key';
import type { Db } from './client';
import { getDb } from './index';
import { applications, resumes } from './schema';

export class DuplicateApplicationError extends Error {
  constructor() {
    super('An application with this email address already exists for this posting');
  }
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
      const resumeId = crypto.randomUUID();
      const now = new Date();
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
    });
    return { id, reference };
  } catch (error) {
    // Two submissions racing past the check meet the unique index instead.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('email_key')) {
      throw new DuplicateApplicationError();
    }
    throw error;
  }
}
