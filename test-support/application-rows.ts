import crypto from 'node:crypto';
import type { Database } from '@/db/database';
import { queueMail } from '@/db/outbox';
import { emailKey } from '@/lib/email-key';
import { mail } from '@/lib/mail/messages';

/**
 * An application as the site stores it, with its confirmation and the team's note queued, for tests that run
 * outside the react-server condition (the worker's: db/applications.ts is server-only).
 */
export async function applicationRows(database: Database, { fullName, email }: { fullName: string; email: string }) {
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
    })
    .returning({ id: t.applications.id });
  const id = row!.id;
  const postingTitle = 'Backend Engineer';
  await queueMail(
    db,
    t,
    mail('application_received', email, { postingTitle, reference: 'R', candidateName: fullName }, id),
  );
  await queueMail(
    db,
    t,
    mail('new_application', 'team@example.com', { postingTitle, candidateName: fullName, applicationId: id }, id),
  );
  return id;
}
