import 'server-only';
import { and, desc, eq, gt, like, ne } from 'drizzle-orm';
import { all, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { authorize, type AdminContext } from '@/features/staff/context';
import { describeDevice } from '@/features/staff/device';
import { sessionIdSchema } from '@/features/staff/schemas';
import { sessionIsLive } from '@/lib/security/session-token';

// A member's own sessions: where they are signed in, and ending the ones they do not recognise. Only ever
// their own: every query here is bounded by the viewer's account.

export type OwnSession = {
  /** The first 16 hex digits of the token's hash: enough to name it, useless to sign in with. */
  id: string;
  device: string;
  address: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The viewer's live sessions, the most recently used first, this one marked. */
export async function listOwnSessions(context?: AdminContext): Promise<OwnSession[]> {
  const { database, viewer, now } = await authorize(context);
  const { db, t } = database;
  const at = now();
  const rows = await db
    .select({
      tokenHash: t.adminSessions.tokenHash,
      userAgent: t.adminSessions.userAgent,
      address: t.adminSessions.address,
      createdAt: t.adminSessions.createdAt,
      lastSeenAt: t.adminSessions.lastSeenAt,
      expiresAt: t.adminSessions.expiresAt,
    })
    .from(t.adminSessions)
    .where(and(eq(t.adminSessions.userId, viewer.userId), gt(t.adminSessions.expiresAt, new Date(at))))
    .orderBy(desc(t.adminSessions.lastSeenAt));
  return rows
    .filter((row) => sessionIsLive(row, at))
    .map((row) => ({
      id: row.tokenHash.slice(0, 16),
      device: describeDevice(row.userAgent),
      address: row.address,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.tokenHash === viewer.tokenHash,
    }));
}

/**
 * Ends the viewer's other sessions: one (`id`) or all. This one stays (signing out ends it); an id that is not
 * one of theirs ends nothing. Returns how many ended.
 */
export async function endOwnSessions({ id, context }: { id?: string; context?: AdminContext }): Promise<number> {
  const { database, viewer, now } = await authorize(context);
  const { t } = database;
  if (id !== undefined && !sessionIdSchema.safeParse(id).success) return 0;
  const sessions = t.adminSessions;
  const mine = and(eq(sessions.userId, viewer.userId), ne(sessions.tokenHash, viewer.tokenHash));
  return transaction(database, function* (tx) {
    const ended = yield* all(
      tx
        .delete(sessions)
        .where(id ? and(mine, like(sessions.tokenHash, `${id}%`)) : mine)
        .returning({ tokenHash: sessions.tokenHash }),
    );
    if (ended.length > 0) {
      const detail = `${ended.length} session${ended.length === 1 ? '' : 's'}`;
      yield* run(
        auditEntry({ db: tx, t, entry: { actorEmail: viewer.email, action: 'session_ended', detail }, now: now() }),
      );
    }
    return ended.length;
  });
}
