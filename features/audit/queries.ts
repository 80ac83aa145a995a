import 'server-only';
import { desc, lt } from 'drizzle-orm';
import { authorizeRole, onlyOwners } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

export const AUDIT_PAGE_SIZE = 100;

export async function listAudit({ before, context }: { before?: number; context?: AdminContext }) {
  const { database } = await authorizeRole({ roles: onlyOwners, attempted: 'read the audit log', context });
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
