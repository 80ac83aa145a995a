import 'server-only';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '@/db/database';
import type { AuthFlowPurpose } from '@/lib/auth-flows';
import { open, seal } from '@/lib/security/secret-box';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';

// A sign-in step that waits for the browser to come back (a passkey's challenge, an identity provider's
// redirect). The browser keeps a random token in a cookie; the row keeps its hash, whose account it is for,
// and what the answer must match, sealed with the site's key. Taking a flow deletes it in the same statement,
// so an answer sent twice (a replayed state, a replayed passkey assertion) finds nothing the second time.

/** Starts a flow; the token goes to the browser (a cookie), never into a URL. */
export async function startFlow({
  database,
  purpose,
  userId = null,
  data,
  ttlMs,
  at,
}: {
  database: Database;
  purpose: AuthFlowPurpose;
  userId?: number | null;
  data: Record<string, unknown>;
  ttlMs: number;
  at: number;
}): Promise<{ token: string; expiresAt: Date }> {
  const { db, t } = database;
  const token = newToken();
  const expiresAt = new Date(at + ttlMs);
  // Flows nobody finished are cleared as new ones start: the table stays as small as the sign-ins under way.
  await db.delete(t.adminAuthFlows).where(lt(t.adminAuthFlows.expiresAt, new Date(at)));
  await db.insert(t.adminAuthFlows).values({
    tokenHash: hashToken(token),
    purpose,
    userId,
    data: seal(`auth-flow:${purpose}`, JSON.stringify(data)),
    createdAt: new Date(at),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Takes the flow once: its account and data while it is open and of this purpose, else null. */
export async function takeFlow<T>({
  database,
  purpose,
  token,
  at,
}: {
  database: Database;
  purpose: AuthFlowPurpose;
  token: string | undefined;
  at: number;
}): Promise<{ userId: number | null; data: T } | null> {
  if (!isWellFormedToken(token)) return null;
  const { db, t } = database;
  const flows = t.adminAuthFlows;
  const [row] = await db
    .delete(flows)
    .where(and(eq(flows.tokenHash, hashToken(token)), eq(flows.purpose, purpose), gt(flows.expiresAt, new Date(at))))
    .returning({ userId: flows.userId, data: flows.data });
  if (!row) return null;
  const plain = open(`auth-flow:${purpose}`, row.data);
  return plain === null ? null : { userId: row.userId, data: JSON.parse(plain) as T };
}
