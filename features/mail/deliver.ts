import type { Database } from '@/db/database';
import { alertMailParts } from '@/features/alerts/mail-parts';
import { createLink } from '@/features/candidate/links';
import { emailKey } from '@/features/mail/email-key';
import { maskAddresses } from '@/features/mail/mask';
import { ALERT_MAIL, CARRIES_LINK } from '@/features/mail/messages';
import { CLAIM_MS, claimNext, markFailed, markRetry, markSent, type ClaimedMail } from '@/features/mail/outbox';
import { isPermanent, type Transport } from '@/features/mail/transport';
import { RETRY_MS, retryDelayMs } from '@/lib/backoff';
import { absoluteUrl, site } from '@/lib/site';
import { renderEmail } from './render';

/** Tries for at least a day: 1, 2, 4… minutes apart (from MAIL_RETRY_SECONDS), at most two hours apart, then gives up. */
export const GIVE_UP_AFTER_MS = 26 * 60 * 60 * 1000;

/** How the worker paces its tries; the defaults suit a mail server, tests shorten them. */
export type Pacing = { retryMs: number; claimMs: number };
export const DEFAULT_PACING: Pacing = { retryMs: RETRY_MS, claimMs: CLAIM_MS };

/** One Message-ID per outbox row, so every try of the same email is recognisably the same email. */
export const messageIdOf = (mail: Pick<ClaimedMail, 'id' | 'createdAt'>) =>
  `<outbox-${mail.id}-${mail.createdAt.getTime()}@${new URL(site.url).hostname}>`;

export type Delivered = { id: number; outcome: 'sent' | 'retry' | 'failed'; error?: string };

/** Sends one claimed email and records what happened. */
export async function deliver({
  database,
  transport,
  mail,
  now = Date.now(),
  retryMs,
}: {
  database: Database;
  transport: Transport;
  mail: ClaimedMail;
  now?: number;
  retryMs?: Pick<Pacing, 'retryMs'>['retryMs'];
}): Promise<Delivered> {
  try {
    // A fresh private link in every email that carries one: the raw token exists only in the email.
    const link = CARRIES_LINK[mail.kind]
      ? absoluteUrl(
          `/applications/open?token=${await createLink({ database, emailKey: emailKey(mail.toAddress), now })}`,
        )
      : '';
    // A job alert's links and headers, from its subscription as it is now: one unsubscribed meanwhile gets nothing.
    const alert = ALERT_MAIL.has(mail.kind) ? await alertMailParts({ database, mail }) : null;
    if (alert === 'gone') {
      await markFailed({ database, id: mail.id, error: 'not sent: the alert was removed' });
      return { id: mail.id, outcome: 'failed', error: 'the alert was removed' };
    }
    const email = renderEmail(mail.kind, mail.data, alert?.token ?? link);
    await transport.send({
      to: mail.toAddress,
      ...email,
      headers: alert?.headers,
      messageId: messageIdOf(mail),
      outboxId: mail.id,
    });
    // The confirmation of an erasure is the last trace of the address: it goes once sent, with any copy of it
    // the transport keeps on the site's disk.
    const last = mail.kind === 'erased';
    await markSent({ database, id: mail.id, now, forgetAddress: last });
    if (last) transport.forget?.([mail.id]);
    return { id: mail.id, outcome: 'sent' };
  } catch (error) {
    const reason = maskAddresses(error instanceof Error ? error.message : String(error));
    const delay = retryDelayMs(mail.attempts, retryMs);
    const gaveUp = now - mail.createdAt.getTime() + delay > GIVE_UP_AFTER_MS;
    if (isPermanent(error) || gaveUp || mail.data === null) {
      await markFailed({ database, id: mail.id, error: reason });
      console.error(`[mail] ${mail.kind} #${mail.id} failed for good: ${reason}`);
      return { id: mail.id, outcome: 'failed', error: reason };
    }
    await markRetry({ database, id: mail.id, error: reason, at: now + delay });
    return { id: mail.id, outcome: 'retry', error: reason };
  }
}

/** Delivers every email that is due now, one at a time; returns what happened to each. */
export async function deliverDue({
  database,
  transport,
  now = () => Date.now(),
  pacing = DEFAULT_PACING,
  stopping = () => false,
}: {
  database: Database;
  transport: Transport;
  now?: () => number;
  pacing?: Pacing;
  /** True once the process is stopping: the email being sent is finished, no other is claimed. */
  stopping?: () => boolean;
}): Promise<Delivered[]> {
  const done: Delivered[] = [];
  const next = () => (stopping() ? undefined : claimNext({ database, now: now(), claimMs: pacing.claimMs }));
  for (let mail = await next(); mail; mail = await next()) {
    done.push(await deliver({ database, transport, mail, now: now(), ...pacing }));
  }
  return done;
}

/** MAIL_RETRY_SECONDS (the first retry's delay) and MAIL_CLAIM_SECONDS, checked: a typo stops the start. */
export function pacingFromEnv(env: NodeJS.ProcessEnv = process.env): Pacing {
  const seconds = (name: string, fallbackMs: number) => {
    const value = env[name];
    if (!value) return fallbackMs;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a number of seconds above 0; got "${value}"`);
    return n * 1000;
  };
  return { retryMs: seconds('MAIL_RETRY_SECONDS', RETRY_MS), claimMs: seconds('MAIL_CLAIM_SECONDS', CLAIM_MS) };
}
