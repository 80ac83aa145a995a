import crypto from 'node:crypto';
import type { Database, Tables } from '@/db/database';
import { emailKey } from '@/features/mail/email-key';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';

type Fields = Partial<Omit<Tables['applications']['$inferInsert'], 'emailKey' | 'resumeId'>>;

/**
 * An application as the site stores it, with its confirmation (and, unless `teamNote` is false, the team's
 * note) queued, for tests that run outside the react-server condition (the worker's: features/apply/store.ts
 * is server-only). The worker's tests use it; the rest use test-support/factories.ts.
 */
export async function applicationRows(
  database: Database,
  { fullName, email, teamNote = true, ...fields }: Fields & { fullName: string; email: string; teamNote?: boolean },
) {
  const { db, t } = database;
  const resumeId = crypto.randomUUID();
  const bytes = Buffer.from(`%PDF-1.7 ${fullName}`);
  const now = new Date();
  await db.insert(t.resumes).values({
    id: resumeId,
    fileName: 'cv.pdf',
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    data: bytes,
    createdAt: now,
  });
  const [row] = await db
    .insert(t.applications)
    .values({
      postingSlug: 'backend-engineer',
      postingTitle: 'Backend Engineer',
      fullName,
      email,
      emailKey: emailKey(email),
      consentAt: now,
      reference: crypto.randomBytes(4).toString('hex'),
      resumeId,
      createdAt: now,
      ...fields,
    })
    .returning({ id: t.applications.id });
  const id = row!.id;
  const postingTitle = 'Backend Engineer';
  const confirmation = mail(
    'application_received',
    email,
    { postingTitle, reference: 'R', candidateName: fullName },
    id,
  );
  await queueMail({ db, t, mail: confirmation });
  if (teamNote) {
    const note = mail(
      'new_application',
      'team@example.com',
      { postingTitle, candidateName: fullName, applicationId: id },
      id,
    );
    await queueMail({ db, t, mail: note });
  }
  return id;
}
