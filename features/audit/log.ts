import { lt } from 'drizzle-orm';
import type { AppDb, Database, Tables } from '@/db/database';
import type { AuditAction } from '@/lib/audit-actions';

// Appending to the audit log, for the admin data layer and for the worker (retention erases are audited
// too), so no `server-only` here.

export type AuditEntry = { actorEmail: string; action: AuditAction; applicationId?: number; detail?: string };

/**
 * The statement that appends to the audit log: awaited on its own, or yielded inside a transaction with
 * the change it records. Callers have already authorised, or are signing in, or are the worker.
 */
export function auditEntry({
  db,
  t,
  entry,
  now = Date.now(),
}: {
  db: AppDb;
  t: Tables;
  entry: AuditEntry;
  now?: number;
}) {
  return db.insert(t.auditLog).values({
    at: new Date(now),
    actorEmail: entry.actorEmail.slice(0, 320),
    action: entry.action,
    applicationId: entry.applicationId ?? null,
    detail: entry.detail?.slice(0, 1000) ?? null,
  });
}

/** Entries older than the audit log's retention, removed by the worker every hour. */
export async function deleteOldAuditEntries({
  database,
  now,
  days,
}: {
  database: Database;
  now: number;
  days: number;
}): Promise<void> {
  const { db, t } = database;
  await db.delete(t.auditLog).where(lt(t.auditLog.at, new Date(now - days * 24 * 60 * 60 * 1000)));
}
