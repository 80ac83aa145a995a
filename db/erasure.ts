import { eq, sql } from 'drizzle-orm';
import { isFinal } from '@/lib/application/status';
import { mail } from '@/lib/mail/messages';
import { forgetAddressIfGone } from './candidates';
import type { AppDb, Tables } from './database';
import { queueMail } from './outbox';
import type { ResumeStore } from './storage/resume-store';
import { one, run, type Steps } from './transaction';

// Erasure: at the candidate's request (GDPR Art. 17), by an admin, or when retention runs out. Personal data
// and the resume go at once; an anonymous stub keeps the posting, the dates and the final status for the
// statistics. The search index's traces go when the worker compacts it (requested here, in the same
// transaction). Shared by the site and the worker, so no `server-only`.

export type Erased = { id: number; postingTitle: string; email: string; objectKey: string | null };

export function* eraseSteps(tx: AppDb, t: Tables, id: number, now: number, notify: boolean): Steps<Erased | null> {
  const a = t.applications;
  const application = yield* one(
    tx
      .select({
        postingTitle: a.postingTitle,
        email: a.email,
        emailKey: a.emailKey,
        resumeId: a.resumeId,
        status: a.status,
        erasedAt: a.erasedAt,
      })
      .from(a)
      .where(eq(a.id, id)),
  );
  if (!application || application.erasedAt) return null;
  const resume = yield* one(
    tx.select({ objectKey: t.resumes.objectKey }).from(t.resumes).where(eq(t.resumes.id, application.resumeId)),
  );
  const at = new Date(now);
  // Erasing an application that was still open withdraws it: it ends there.
  const status = isFinal(application.status) ? application.status : 'withdrawn';
  yield* run(
    tx
      .update(a)
      .set({
        fullName: 'Erased applicant',
        email: `erased-${id}@erased.invalid`,
        emailKey: `erased:${id}`,
        phone: null,
        location: null,
        profileUrl: null,
        coverLetter: null,
        answers: null,
        // Where they came from can name them too (a personal site as the referrer, a campaign made for them).
        source: null,
        sourceMedium: null,
        sourceCampaign: null,
        referrer: null,
        status,
        decidedAt: sql`coalesce(${a.decidedAt}, ${sql.param(at, a.decidedAt)})`,
        erasedAt: at,
      })
      .where(eq(a.id, id)),
  );
  yield* run(
    tx
      .update(t.resumes)
      .set({ fileName: 'erased', data: Buffer.alloc(0), size: 0, sha256: '', objectKey: null })
      .where(eq(t.resumes.id, application.resumeId)),
  );
  yield* run(tx.delete(t.applicationNotes).where(eq(t.applicationNotes.applicationId, id)));
  // The team's judgements of the person go with them; the stub row stays, so the FK cascade never fires.
  yield* run(tx.delete(t.scorecards).where(eq(t.scorecards.applicationId, id)));
  yield* run(tx.update(t.statusChanges).set({ note: null }).where(eq(t.statusChanges.applicationId, id)));
  // Emails about it: the address and what they said are personal data; those not sent yet never will be.
  yield* run(
    tx
      .update(t.outbox)
      .set({
        toAddress: 'erased',
        data: null,
        status: sql`CASE WHEN ${t.outbox.status} = 'pending' THEN 'failed' ELSE ${t.outbox.status} END`,
        lastError: sql`CASE WHEN ${t.outbox.status} = 'pending' THEN 'not sent: the application was erased' ELSE ${t.outbox.lastError} END`,
      })
      .where(eq(t.outbox.applicationId, id)),
  );
  for (const statement of forgetAddressIfGone(tx, t, application.emailKey)) yield* run(statement);
  yield* run(
    tx
      .insert(t.pendingJobs)
      .values({ name: 'search-index', requestedAt: at })
      .onConflictDoUpdate({ target: t.pendingJobs.name, set: { requestedAt: at } }),
  );
  if (notify) {
    // Queued after the emails above were scrubbed; the worker scrubs this one once it is sent.
    yield* run(
      queueMail(tx, t, mail('erased', application.email, { postingTitle: application.postingTitle }, id), now),
    );
  }
  return { id, postingTitle: application.postingTitle, email: application.email, objectKey: resume?.objectKey ?? null };
}

/** After the transaction: the object-stored resume of an erased application. The sweep catches a failure. */
export async function removeErasedObject(store: ResumeStore, erased: Erased | null): Promise<void> {
  if (erased?.objectKey) await store.remove(erased.objectKey).catch(() => {});
}
