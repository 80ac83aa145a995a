import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import type { AuditAction } from '@/lib/audit-actions';
import type { MailKind } from '@/lib/mail-kinds';

// What the tests of sign-in read back: the audit entries an account's actions left, and the emails queued for
// an address, oldest first.

export async function auditsOf(database: Database, actorEmail: string, action: AuditAction) {
  const { db, t } = database;
  return db
    .select({ detail: t.auditLog.detail })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.actorEmail, actorEmail), eq(t.auditLog.action, action)))
    .orderBy(asc(t.auditLog.id));
}

export async function mailsTo(database: Database, to: string, kind: MailKind) {
  const { db, t } = database;
  const rows = await db
    .select({ data: t.outbox.data })
    .from(t.outbox)
    .where(and(eq(t.outbox.toAddress, to), eq(t.outbox.kind, kind)))
    .orderBy(asc(t.outbox.id));
  return rows.map((row) => row.data as Record<string, unknown>);
}
