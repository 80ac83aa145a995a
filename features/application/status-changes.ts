import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDb, Database } from '@/db/database';
import { exclusive, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { withName } from '@/features/inbox/bulk-message';
import { closeInterviewsSteps } from '@/features/interviews/booking';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { authorizeApplication, authorizeScoped, canSeePosting } from '@/features/staff/access';
import type { AdminContext, Viewer } from '@/features/staff/context';
import { queueWebhooks } from '@/features/webhooks/queue';
import { isFinal, type ApplicationStatus } from '@/lib/status';

// Moving applications along the pipeline, one or a selection: who moved each from where, and when; a final
// status starts the retention period (decidedAt), moving back out of one stops it. With a message, the email
// the team wrote to the candidate is queued in the same transaction, so it goes if and only if the change is made.

export type ChangeStatusResult = 'changed' | 'unchanged' | 'not-found';

/** The steps of one move, inside the caller's transaction. `message` gets the candidate's name (bulk emails). */
function* moveSteps({
  database,
  tx,
  id,
  to,
  viewer,
  now,
  message,
}: {
  database: Database;
  tx: AppDb;
  id: number;
  to: ApplicationStatus;
  viewer: Pick<Viewer, 'userId' | 'email'>;
  now: number;
  message?: (fullName: string) => string;
}) {
  const { t } = database;
  const a = t.applications;
  yield* exclusive(database, tx, `application:${id}`);
  const current = yield* one(
    tx
      .select({
        status: a.status,
        decidedAt: a.decidedAt,
        email: a.email,
        fullName: a.fullName,
        postingTitle: a.postingTitle,
        postingSlug: a.postingSlug,
        reference: a.reference,
      })
      .from(a)
      .where(and(eq(a.id, id), isNull(a.erasedAt))),
  );
  if (!current) return 'not-found' as const;
  if (current.status === to) return 'unchanged' as const;
  const decidedAt = isFinal(to) ? (isFinal(current.status) ? current.decidedAt : new Date(now)) : null;
  yield* run(tx.update(a).set({ status: to, decidedAt }).where(eq(a.id, id)));
  // A closed application keeps no interview: everyone's calendar is told, the interviewers' time is free again.
  if (isFinal(to)) yield* closeInterviewsSteps({ database, tx, applicationId: id, actorEmail: viewer.email, now });
  yield* run(
    tx.insert(t.statusChanges).values({
      applicationId: id,
      fromStatus: current.status,
      toStatus: to,
      changedBy: viewer.userId,
      changedAt: new Date(now),
    }),
  );
  const actorEmail = viewer.email;
  const detail = `${current.status} → ${to}`;
  yield* run(auditEntry({ db: tx, t, entry: { actorEmail, action: 'status_change', applicationId: id, detail }, now }));
  const posting = { slug: current.postingSlug, title: current.postingTitle };
  const application = { id, reference: current.reference, status: to, posting };
  const subject = { event: 'application.status_changed' as const, application, previousStatus: current.status };
  yield* queueWebhooks({ tx, t, subject, now });
  if (message) {
    const data = { postingTitle: current.postingTitle, message: message(current.fullName) };
    yield* run(queueMail({ db: tx, t, mail: mail('status_update', current.email, data, id), now }));
    const sent = { actorEmail, action: 'mail_sent' as const, applicationId: id, detail: `status: ${to}` };
    yield* run(auditEntry({ db: tx, t, entry: sent, now }));
  }
  return 'changed' as const;
}

/** Moves one application; `message` is the email as the team wrote it for this candidate. */
export async function changeStatus({
  id,
  to,
  context,
  message,
}: {
  id: number;
  to: ApplicationStatus;
  context?: AdminContext;
  message?: string;
}): Promise<ChangeStatusResult> {
  const allowed = await authorizeApplication({ id, attempted: `move to ${to}`, context });
  if (!allowed) return 'not-found';
  const { database, viewer } = allowed;
  const now = allowed.now();
  return transaction(database, function* (tx) {
    return yield* moveSteps({ database, tx, id, to, viewer, now, message: message ? () => message : undefined });
  });
}

/**
 * The chosen applications the viewer may open, in one read, with their people and statuses; each one they may
 * not open is refused and audited as it would be one by one (with `attempted`), and erased ones are left out.
 */
async function openSelection({
  ids,
  attempted,
  context,
}: {
  ids: readonly number[];
  attempted: string;
  context?: AdminContext;
}) {
  const authorized = await authorizeScoped(context);
  const { database, viewer, slugs } = authorized;
  const { db, t } = database;
  const now = authorized.now();
  const a = t.applications;
  const unique = [...new Set(ids)].sort((x, y) => x - y);
  const found = unique.length
    ? await db
        .select({
          id: a.id,
          postingSlug: a.postingSlug,
          postingTitle: a.postingTitle,
          fullName: a.fullName,
          email: a.email,
          status: a.status,
          erasedAt: a.erasedAt,
        })
        .from(a)
        .where(inArray(a.id, unique))
        .orderBy(a.id)
    : [];
  const rows = [];
  for (const row of found) {
    if (canSeePosting(slugs, row.postingSlug)) {
      if (!row.erasedAt) rows.push(row);
      continue;
    }
    const entry = {
      actorEmail: viewer.email,
      action: 'access_denied' as const,
      applicationId: row.id,
      detail: attempted,
    };
    await auditEntry({ db, t, entry, now });
  }
  return { database, viewer, now, rows };
}

/** The chosen applications for the bulk email page: the ones the viewer may open, not erased, in id order. */
export async function listSelection({ ids, context }: { ids: readonly number[]; context?: AdminContext }) {
  const { rows } = await openSelection({ ids, attempted: 'open the application', context });
  return rows.map(({ id, postingTitle, fullName, email, status }) => ({ id, postingTitle, fullName, email, status }));
}

/**
 * Moves a selection in one authorisation and one transaction: the applications the viewer may not open are
 * refused (and audited) as one by one, erased ones are left alone. `message` is the bulk email's text, where
 * `{name}` stands for each candidate's name. Returns how many moved.
 */
export async function changeStatuses({
  ids,
  to,
  context,
  message,
}: {
  ids: readonly number[];
  to: ApplicationStatus;
  context?: AdminContext;
  message?: string;
}): Promise<{ changed: number }> {
  const { database, viewer, now, rows } = await openSelection({ ids, attempted: `move to ${to}`, context });
  if (rows.length === 0) return { changed: 0 };
  const personal = message === undefined ? undefined : (fullName: string) => withName(message, fullName);
  const changed = await transaction(database, function* (tx) {
    let moved = 0;
    for (const { id } of rows) {
      if ((yield* moveSteps({ database, tx, id, to, viewer, now, message: personal })) === 'changed') moved++;
    }
    return moved;
  });
  return { changed };
}
