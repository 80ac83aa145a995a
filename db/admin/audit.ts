import 'server-only';
import { desc, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditAction } from '@/lib/admin/audit-actions';
import { authorize, type AdminContext } from './context';

export const AUDIT_PAGE_SIZE = 100;

/** Appends to the audit log. Internal to the data layer: callers have already authorised, or are signing in. */
export function recordAudit(
  db: Pick<Db, 'insert'>,
  entry: { actorEmail: string; action: AuditAction; applicationId?: number; detail?: string },
  now = Date.now(),
): void {
  db.insert(auditLog)
    .values({
      at: new Date(now),
      actorEmail: entry.actorEmail.slice(0, 320),
      action: entry.action,
      applicationId: entry.applicationId ?? null,
      detail: entry.detail?.slice(0, 1000) ?? null,
    })
    .run();
}

export async function listAudit(before: number | undefined, context?: AdminContext) {
  const ctx = await authorize(context);
  const rows = ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      applicationId: auditLog.applicationId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
