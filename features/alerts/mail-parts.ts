import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import type { ClaimedMail } from '@/features/mail/outbox';
import { alertLinks } from './links';
import { alertToken } from './tokens';

/**
 * What the worker adds to a job alert's email as it sends it: the token its links carry and, on the alerts
 * themselves, one-click unsubscribe (RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` to the address,
 * no page, no question). 'gone' when the subscription was removed after the email was queued.
 */
export async function alertMailParts({
  database,
  mail,
}: {
  database: Database;
  mail: Pick<ClaimedMail, 'kind' | 'data'>;
}): Promise<{ token: string; headers?: Record<string, string> } | 'gone'> {
  const id = Number((mail.data as { subscriptionId?: unknown } | null)?.subscriptionId);
  if (!Number.isSafeInteger(id)) return 'gone';
  const { db, t } = database;
  const [row] = await db
    .select({ nonce: t.alertSubscriptions.nonce })
    .from(t.alertSubscriptions)
    .where(eq(t.alertSubscriptions.id, id));
  if (!row) return 'gone';
  const token = alertToken(id, row.nonce);
  if (mail.kind === 'alert_confirm') return { token };
  return {
    token,
    headers: {
      'List-Unsubscribe': `<${alertLinks(token).unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
