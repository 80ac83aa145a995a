import 'server-only';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { getDb } from './index';
import type { Answer } from '@/lib/application/questions';
import { applications, resumes } from './schema';

export class DuplicateApplicationError extends Error {
  constructor() {
    super('An application with this email address already exists for this posting');
  }
}

export type StoreApplicationInput = {
  postingSlug: string;
  postingTitle: string;
  fullName: string;
  email: string;
  phone?: string;
  location?: string;
  profileUrl?: string;
  coverLetter?: string;
  answers?: Answer[];
  consentAt: Date;
  resume: { fileName: string; mediaType: string; bytes: Buffer };
};

// Crockford's base32 without I, L, O, U: a reference a candidate can read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const emailKey = (email: string) => email.trim().toLowerCase();

/** Stores the application and its resume in one transaction: both are stored, or neither is. */
export function storeApplication(input: StoreApplicationInput, db: Db = getDb()): { reference: string } {
  const reference = newReference();
  const key = emailKey(input.email);
  try {
    db.transaction((tx) => {
      const existing = tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.postingSlug, input.postingSlug), eq(applications.emailKey, key)))
        .get();
      if (existing) throw new DuplicateApplicationError();
      const resumeId = crypto.randomUUID();
      const now = new Date();
      tx.insert(resumes)
        .values({
          id: resumeId,
          fileName: input.resume.fileName,
          mediaType: input.resume.mediaType,
          size: input.resume.bytes.length,
          sha256: crypto.createHash('sha256').update(input.resume.bytes).digest('hex'),
          data: input.resume.bytes,
          createdAt: now,
        })
        .run();
      tx.insert(applications)
        .values({
          reference,
          postingSlug: input.postingSlug,
          postingTitle: input.postingTitle,
          fullName: input.fullName,
          email: input.email,
          emailKey: key,
          phone: input.phone ?? null,
          location: input.location ?? null,
          profileUrl: input.profileUrl ?? null,
          coverLetter: input.coverLetter ?? null,
          answers: input.answers?.length ? input.answers : null,
          consentAt: input.consentAt,
          resumeId,
          createdAt: now,
        })
        .run();
    });
  } catch (error) {
    // Two submissions racing past the check meet the unique index instead.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('email_key')) {
      throw new DuplicateApplicationError();
    }
    throw error;
  }
  return { reference };
}
