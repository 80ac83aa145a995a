import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import type { MailKind } from '@/lib/mail-kinds';

// The outbox: every email is a row written in the same transaction as the event it is about, so an email is
// never promised without the event, nor the event stored without its email. The worker (features/mail/deliver.ts)
// claims due rows, sends them and records the outcome. Shared by the site and the worker, which runs outside
// Next (it renders emails with react-dom/server), so no `server-only` here.

export type NewMail = { kind: MailKind; to: string; applicationId?: number; data?: Record<string, unknown> };

/** The statement that queues an email: awaited on its own, or yielded inside the event's transaction. */
export function queueMail({ db, t, mail, now = Date.now() }: { db: AppDb; t: Tables; mail: NewMail; now?: number }) {
  return db.insert(t.outbox).values({
    kind: mail.kind,
    toAddress: mail.to,
    applicationId: mail.applicationId ?? null,
    data: mail.data ?? {},
    nextAttemptAt: new Date(now),
    createdAt: new Date(now),
  });
}

export type ClaimedMail = {
  id: number;
  kind: MailKind;
  toAddress: string;
  applicationId: number | null;
  data: Record<string, unknown> | null;
  attempts: number;
  createdAt: Date;
};

/**
 * How long a claim holds before another worker may take the email (its worker was killed mid-send): longer
 * than a send can take, SMTP timeouts included (features/mail/deliver.ts).
 */
export const CLAIM_MS = 60_000;

/**
 * Claims the next due email for this worker, one statement that several workers can run at once: a row
 * whose claim has lapsed is due again, so an email cut off by a crash is sent again, never lost.
 */
export async function claimNext({
  database,
  now = Date.now(),
  claimMs = CLAIM_MS,
}: {
  database: Database;
  now?: number;
  claimMs?: number;
}): Promise<ClaimedMail | null> {
  const { db, t } = database;
  const o = t.outbox;
  const due = db
    .select({ id: o.id })
    .from(o)
    .where(
      and(
        eq(o.status, 'pending'),
        lte(o.nextAttemptAt, new Date(now)),
        or(isNull(o.claimedUntil), lt(o.claimedUntil, new Date(now))),
      ),
    )
    .orderBy(asc(o.nextAttemptAt), asc(o.id))
    .limit(1);
  const [claimed] = await db
    .update(o)
    .set({ claimedUntil: new Date(now + claimMs), attempts: sql`${o.attempts} + 1` })
    .where(and(inArray(o.id, due), or(isNull(o.claimedUntil), lt(o.claimedUntil, new Date(now)))))
    .returning({
      id: o.id,
      kind: o.kind,
      toAddress: o.toAddress,
      applicationId: o.applicationId,
      data: o.data,
      attempts: o.attempts,
      createdAt: o.createdAt,
    });
  return claimed ?? null;
}

/** Sent: what the template needed is no longer kept (nor the address, for the last email to an erased one). */
export async function markSent({
  database,
  id,
  now = Date.now(),
  forgetAddress = false,
}: {
  database: Database;
  id: number;
  now?: number;
  forgetAddress?: boolean;
}): Promise<void> {
  const { db, t } = database;
  const sent = { status: 'sent' as const, sentAt: new Date(now), claimedUntil: null, data: null, lastError: null };
  await db
    .update(t.outbox)
    .set(forgetAddress ? { ...sent, toAddress: 'erased' } : sent)
    .where(eq(t.outbox.id, id));
}

export async function markRetry({
  database,
  id,
  error,
  at,
}: {
  database: Database;
  id: number;
  error: string;
  at: number;
}): Promise<void> {
  const { db, t } = database;
  await db
    .update(t.outbox)
    .set({ nextAttemptAt: new Date(at), claimedUntil: null, lastError: error.slice(0, 500) })
    .where(eq(t.outbox.id, id));
}

export async function markFailed({
  database,
  id,
  error,
}: {
  database: Database;
  id: number;
  error: string;
}): Promise<void> {
  const { db, t } = database;
  await db
    .update(t.outbox)
    .set({ status: 'failed', claimedUntil: null, data: null, lastError: error.slice(0, 500) })
    .where(eq(t.outbox.id, id));
}

/** The emails about one application, oldest first, for its admin page. */
export function listMail({ database, applicationId }: { database: Database; applicationId: number }) {
  const { db, t } = database;
  const o = t.outbox;
  return db
    .select({
      id: o.id,
      kind: o.kind,
      to: o.toAddress,
      status: o.status,
      attempts: o.attempts,
      lastError: o.lastError,
      createdAt: o.createdAt,
      sentAt: o.sentAt,
    })
    .from(o)
    .where(eq(o.applicationId, applicationId))
    .orderBy(asc(o.id));
}
