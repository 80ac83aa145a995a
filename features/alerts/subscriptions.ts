import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type AnyColumn } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import { all, exclusive, one, run, transaction, type Steps } from '@/db/transaction';
import { emailKey } from '@/features/mail/email-key';
import { ALERT_MAIL } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { DAY_MS } from '@/lib/days';
import type { AlertChoice } from './filters';
import { newNonce, tokenId, tokenMatches } from './tokens';

// Job alerts' subscriptions: signing up (double opt-in), confirming, changing, renewing, leaving, and what the
// privacy notice promises of them (expiry, the candidate's download, erasure). Shared by the site and the
// worker, so no `server-only`.

/** More alerts than this for one address are not made (the answer on screen is the same). */
export const ALERTS_PER_ADDRESS = 10;
/** An alert nobody confirmed is deleted after this long. */
export const UNCONFIRMED_DAYS = 7;

const sameChoice = (t: Tables, choice: AlertChoice) => {
  const s = t.alertSubscriptions;
  const is = (column: AnyColumn, value: string | null) => (value === null ? isNull(column) : eq(column, value));
  return and(
    is(s.category, choice.category),
    is(s.department, choice.department),
    is(s.location, choice.location),
    eq(s.remoteOnly, choice.remoteOnly),
    eq(s.frequency, choice.frequency),
  );
};

/**
 * Asks for a job alert: stores it unconfirmed and queues the email with the link that confirms it, in one
 * transaction. The same alert asked again sends the confirmation again (a confirmed one is renewed by it), so
 * whether the address was known shows only in its own mailbox. Returns nothing the caller could show.
 */
export async function subscribe({
  database,
  email,
  choice,
  now = Date.now(),
}: {
  database: Database;
  email: string;
  choice: AlertChoice;
  now?: number;
}): Promise<void> {
  const { t } = database;
  const s = t.alertSubscriptions;
  const key = emailKey(email);
  await transaction(database, function* (tx) {
    // One address at a time: two quick sign-ups must not both pass the count or both insert the same alert.
    yield* exclusive(database, tx, `alerts:${key}`);
    const existing = yield* one(
      tx
        .select({ id: s.id })
        .from(s)
        .where(and(eq(s.emailKey, key), sameChoice(t, choice))),
    );
    let id = existing?.id;
    if (id === undefined) {
      const count = yield* one(
        tx
          .select({ n: sql<number>`count(*)` })
          .from(s)
          .where(eq(s.emailKey, key)),
      );
      if (Number(count?.n ?? 0) >= ALERTS_PER_ADDRESS) return;
      const row = yield* one(
        tx
          .insert(s)
          .values({
            email: email.trim(),
            emailKey: key,
            ...choice,
            nonce: newNonce(),
            createdAt: new Date(now),
            renewedAt: new Date(now),
          })
          .returning({ id: s.id }),
      );
      id = row!.id;
    }
    yield* run(
      queueMail({ db: tx, t, mail: { kind: 'alert_confirm', to: email.trim(), data: { subscriptionId: id } }, now }),
    );
  });
}

/** The subscription a link's token opens, or null (malformed, forged, voided, or gone). */
export async function subscriptionByToken({
  database,
  token,
}: {
  database: Database;
  token: string | null | undefined;
}) {
  const id = tokenId(token);
  if (id === null) return null;
  const { db, t } = database;
  const [row] = await db.select().from(t.alertSubscriptions).where(eq(t.alertSubscriptions.id, id));
  return row && tokenMatches(token!, row.id, row.nonce) ? row : null;
}

/**
 * The click that starts an alert, and the one that keeps it: confirmed (once), renewed now. A weekly alert's
 * first digest gathers what opens from here on.
 */
export async function confirmSubscription({
  database,
  token,
  now = Date.now(),
}: {
  database: Database;
  token: string | null | undefined;
  now?: number;
}) {
  const found = await subscriptionByToken({ database, token });
  if (!found) return null;
  const { db, t } = database;
  const s = t.alertSubscriptions;
  const [row] = await db
    .update(s)
    .set({
      confirmedAt: sql`coalesce(${s.confirmedAt}, ${sql.param(new Date(now), s.confirmedAt)})`,
      lastDigestAt: sql`coalesce(${s.lastDigestAt}, ${sql.param(new Date(now), s.lastDigestAt)})`,
      renewedAt: new Date(now),
    })
    .where(eq(s.id, found.id))
    .returning();
  return row ?? null;
}

/** New filters or frequency for a confirmed alert (its links stay the same); renews it too. */
export async function changeSubscription({
  database,
  token,
  choice,
  now = Date.now(),
}: {
  database: Database;
  token: string | null | undefined;
  choice: AlertChoice;
  now?: number;
}) {
  const found = await subscriptionByToken({ database, token });
  if (!found) return null;
  const { db, t } = database;
  const [row] = await db
    .update(t.alertSubscriptions)
    .set({ ...choice, renewedAt: new Date(now) })
    .where(eq(t.alertSubscriptions.id, found.id))
    .returning();
  return row ?? null;
}

/**
 * An address's job alert emails once it has no alert left: the address and what the template needed are
 * overwritten as erasure does (db/schema/personal-data.ts), and one not sent yet never will be.
 */
function forgetAlertMail({ tx, t, key }: { tx: AppDb; t: Tables; key: string }) {
  const o = t.outbox;
  return tx
    .update(o)
    .set({
      toAddress: 'erased',
      data: null,
      lastError: sql`CASE WHEN ${o.status} = 'pending' THEN 'not sent: the alert was removed' ELSE NULL END`,
      status: sql`CASE WHEN ${o.status} = 'pending' THEN 'failed' ELSE ${o.status} END`,
    })
    .where(and(inArray(o.kind, [...ALERT_MAIL]), eq(sql`lower(trim(${o.toAddress}))`, key)));
}

/** Drops alerts, and their emails' traces once the address has none left. */
function* dropAlerts({ tx, t, ids, keys }: { tx: AppDb; t: Tables; ids: number[]; keys: string[] }): Steps<void> {
  if (ids.length === 0) return;
  const s = t.alertSubscriptions;
  yield* run(tx.delete(s).where(inArray(s.id, ids)));
  for (const key of new Set(keys)) {
    const left = yield* one(tx.select({ id: s.id }).from(s).where(eq(s.emailKey, key)).limit(1));
    if (!left) yield* run(forgetAlertMail({ tx, t, key }));
  }
}

/** Leaving: the row goes, and with it every link to it; an email queued for it is not sent. True if it was there. */
export async function unsubscribe({ database, token }: { database: Database; token: string | null | undefined }) {
  const found = await subscriptionByToken({ database, token });
  if (!found) return false;
  const { t } = database;
  const s = t.alertSubscriptions;
  return transaction(database, function* (tx) {
    const still = yield* one(tx.select({ id: s.id }).from(s).where(eq(s.id, found.id)));
    if (!still) return false;
    yield* dropAlerts({ tx, t, ids: [found.id], keys: [found.emailKey] });
    return true;
  });
}

/**
 * What the privacy notice promises: an alert never confirmed goes after a week; a confirmed one
 * ALERTS_RETENTION_DAYS after it was last confirmed, kept or changed. Returns how many went.
 */
export async function deleteExpiredSubscriptions({
  database,
  now = Date.now(),
  days,
}: {
  database: Database;
  now?: number;
  days: number;
}): Promise<number> {
  const { t } = database;
  const s = t.alertSubscriptions;
  return transaction(database, function* (tx) {
    const expired = yield* all(
      tx
        .select({ id: s.id, key: s.emailKey })
        .from(s)
        .where(
          or(
            and(isNull(s.confirmedAt), lt(s.createdAt, new Date(now - UNCONFIRMED_DAYS * DAY_MS))),
            and(isNotNull(s.confirmedAt), lt(s.renewedAt, new Date(now - days * DAY_MS))),
          ),
        )
        .limit(1000),
    );
    yield* dropAlerts({ tx, t, ids: expired.map((e) => e.id), keys: expired.map((e) => e.key) });
    return expired.length;
  });
}

/** An address's alerts, for the candidate's download. */
export async function subscriptionsOf({ database, email }: { database: Database; email: string }) {
  const { db, t } = database;
  return db
    .select()
    .from(t.alertSubscriptions)
    .where(eq(t.alertSubscriptions.emailKey, emailKey(email)));
}

/** Erasure of a person: their alerts go with them (a step of the erasure's transaction). */
export function* eraseSubscriptionsOf({ tx, t, key }: { tx: AppDb; t: Tables; key: string }): Steps<void> {
  yield* run(tx.delete(t.alertSubscriptions).where(eq(t.alertSubscriptions.emailKey, key)));
  yield* run(forgetAlertMail({ tx, t, key }));
}

/** Confirmed weekly alerts whose week is up: for the digest. */
export function dueDigests({ tx, t, now }: { tx: AppDb; t: Tables; now: number }) {
  const s = t.alertSubscriptions;
  return all(
    tx
      .select()
      .from(s)
      .where(and(eq(s.frequency, 'weekly'), isNotNull(s.confirmedAt), lte(s.lastDigestAt, new Date(now - 7 * DAY_MS))))
      .orderBy(s.id)
      .limit(500),
  );
}

export const announcedSince = (t: Tables, since: Date) => gt(t.postingAnnouncements.announcedAt, since);
