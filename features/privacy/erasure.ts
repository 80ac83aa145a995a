import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb, Tables } from '@/db/database';
import { erasedValues } from '@/db/schema/personal-data';
import { one, run, type Steps } from '@/db/transaction';
import { eraseSubscriptionsOf } from '@/features/alerts/subscriptions';
import { forgetAddressIfGone } from '@/features/candidate/links';
import { forgetSource } from '@/features/dashboard/forget-source';
import { eraseInterviewsSteps } from '@/features/interviews/erase';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import type { ResumeStore } from '@/features/resumes/store';
import { queueWebhooks } from '@/features/webhooks/queue';
import { isFinal } from '@/lib/status';

// Erasure: at the candidate's request (GDPR Art. 17), by an admin, or when retention runs out. What goes and
// what stays is read from the personal-data declaration (db/schema/personal-data.ts): the candidate's columns
// are overwritten in the stub that keeps the posting, the dates and the final status for the statistics, and
// the rows about them go. Traces outside the rows (the search index's old segments, mail files written
// without SMTP) go when the worker runs the jobs requested here, in the same transaction. Shared by the site
// and the worker, so no `server-only`.

export type Erased = { id: number; postingTitle: string; email: string; objectKey: string | null };

/** Work the worker does after an erasure: compact the search index, remove the erased emails' files. */
export const ERASURE_JOBS = ['search-index', 'erased-mail'] as const;

export type EraseInput = {
  tx: AppDb;
  t: Tables;
  id: number;
  now: number;
  /** Send the candidate a confirmation (queued after the scrub; the worker forgets it once it is sent). */
  notify: boolean;
  /** Rate-limit rows keyed by the address (keyed hashes the caller can make), dropped with the person. */
  rateLimitKeys?: (emailKey: string) => string[];
  /** Erasure someone asked for (not retention's): the address's job alerts go too. */
  requested?: boolean;
};

// Long: one transaction's steps, each table in turn, read from the personal-data declaration.
export function* eraseSteps({
  tx,
  t,
  id,
  now,
  notify,
  rateLimitKeys,
  requested = false,
}: EraseInput): Steps<Erased | null> {
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
        source: a.source,
        postingSlug: a.postingSlug,
        createdAt: a.createdAt,
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
        ...erasedValues('applications', id),
        status,
        decidedAt: sql`coalesce(${a.decidedAt}, ${sql.param(at, a.decidedAt)})`,
        erasedAt: at,
      })
      .where(eq(a.id, id)),
  );
  // After the application's row: its lock, then the counts' rows, in the order every move and application takes
  // them (PostgreSQL would otherwise find a deadlock); and the history is read under that lock, so a move made
  // meanwhile is in it.
  yield* forgetSource({ tx, t, id, application });
  yield* run(tx.update(t.resumes).set(erasedValues('resumes', id)).where(eq(t.resumes.id, application.resumeId)));
  // The team's notes and judgements of the person go with them; the stub row stays, so no cascade fires.
  yield* run(tx.delete(t.applicationNotes).where(eq(t.applicationNotes.applicationId, id)));
  yield* run(tx.delete(t.scorecards).where(eq(t.scorecards.applicationId, id)));
  yield* run(
    tx.update(t.statusChanges).set(erasedValues('statusChanges', id)).where(eq(t.statusChanges.applicationId, id)),
  );
  // Emails about it: those not sent yet never will be.
  const o = t.outbox;
  yield* run(
    tx
      .update(o)
      .set({
        ...erasedValues('outbox', id),
        status: sql`CASE WHEN ${o.status} = 'pending' THEN 'failed' ELSE ${o.status} END`,
        lastError: sql`CASE WHEN ${o.status} = 'pending' THEN 'not sent: the application was erased' ELSE NULL END`,
      })
      .where(eq(o.applicationId, id)),
  );
  // After the scrub above: the interviewers' cancellations it queues are sent.
  yield* eraseInterviewsSteps({ tx, t, applicationId: id, now });
  for (const statement of forgetAddressIfGone({ tx, t, emailKey: application.emailKey })) yield* run(statement);
  if (requested) yield* eraseSubscriptionsOf({ tx, t, key: application.emailKey });
  const keys = rateLimitKeys?.(application.emailKey) ?? [];
  if (keys.length) yield* run(tx.delete(t.rateLimits).where(inArray(t.rateLimits.key, keys)));
  for (const name of ERASURE_JOBS) {
    yield* run(
      tx
        .insert(t.pendingJobs)
        .values({ name, requestedAt: at })
        .onConflictDoUpdate({ target: t.pendingJobs.name, set: { requestedAt: at } }),
    );
  }
  // Webhooks about it not yet delivered never will be: a receiver hears of the erasure last, not a status after it.
  const d = t.webhookDeliveries;
  yield* run(
    tx
      .update(d)
      .set({ status: 'failed', lastError: 'not sent: the application was erased' })
      .where(and(eq(d.applicationId, id), eq(d.status, 'pending'))),
  );
  yield* queueWebhooks({ tx, t, subject: { event: 'application.erased', application: { id } }, now });
  if (notify) {
    yield* run(
      queueMail({
        db: tx,
        t,
        mail: mail('erased', application.email, { postingTitle: application.postingTitle }, id),
        now,
      }),
    );
  }
  return { id, postingTitle: application.postingTitle, email: application.email, objectKey: resume?.objectKey ?? null };
}

/** After the transaction: the object-stored resume of an erased application. The sweep catches a failure. */
export async function removeErasedObject({
  store,
  erased,
}: {
  store: ResumeStore;
  erased: Erased | null;
}): Promise<void> {
  if (erased?.objectKey) await store.remove(erased.objectKey).catch(() => {});
}
