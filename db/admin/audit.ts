import 'server-only';
import { desc, lt } from 'drizzle-orm';
import type { AppDb, Tables } from '@/db/database';
import type { AuditAction } from '@/lib/admin/audit-actions';
import { authorize, type AdminContext } from './context';

export const AUDIT_PAGE_SIZE = 100;

export type AuditEntry = { actorEmail: string; action: AuditAction; applicationId?: number; detail?: string };

/**
 * The statement that appends to the audit log: awaited on its own, or yielded inside a transaction with
 * the change it records. Internal to the data layer: callers have already authorised, or are signing in.
 */
export function auditEntry(db: AppDb, t: Tables, entry: AuditEntry, now = Date.now()) {
  return db.insert(t.auditLog).values({
    at: new Date(now),
    actorEmail: entry.actorEmail.slice(0, 320),
    action: entry.action,
    applicationId: entry.applicationId ?? null,
    detail: entry.detail?.slice(0, 1000) ?? null,
  });
}

export async function listAudit(before: number | undefined, context?: AdminContext) {
  const { database } = await authorize(context);
  const { db, t } = database;
  const rows = await db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.at,
      actorEmail: t.auditLog.actorEmail,
      action: t.auditLog.action,
      applicationId: t.auditLog.applicationId,
      detail: t.auditLog.detail,
    })
    .from(t.auditLog)
    .where(before ? lt(t.auditLog.id, before) : undefined)
    .orderBy(desc(t.auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
