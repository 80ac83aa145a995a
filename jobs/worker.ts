import type { Database } from '@/db/database';
import { deleteStaleRateLimits } from '@/db/rate-limit';
import { announceNewPostings } from '@/features/alerts/announce';
import { queueDigests } from '@/features/alerts/digest';
import { announceablePostings } from '@/features/alerts/open-postings';
import { deleteExpiredSubscriptions } from '@/features/alerts/subscriptions';
import { deleteOldAuditEntries } from '@/features/audit/log';
import { deleteExpiredAccess } from '@/features/candidate/links';
import { queueInterviewFollowUps } from '@/features/interviews/follow-ups';
import { DEFAULT_PACING, deliverDue, type Pacing } from '@/features/mail/deliver';
import type { Transport } from '@/features/mail/transport';
import { applyRetention } from '@/features/privacy/retention';
import { alertsRetentionDays, auditRetentionDays } from '@/features/privacy/retention-days';
import type { ResumeStore } from '@/features/resumes/store';
import { sweepOrphans } from '@/features/resumes/sweep';
import { deliverDueWebhooks } from '@/features/webhooks/deliver';
import { deleteOldDeliveries } from '@/features/webhooks/deliveries';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from '@/features/webhooks/settings';
import { compactSearchIndex, forgetErasedMail } from './maintenance';

// The worker: delivers the outbox (emails and webhooks), keeps the privacy notice's promises (retention, erasure's last traces)
// and tidies. It runs in the server's process (server.ts starts it) or on its own (`npm run mail:work`);
// several at once are safe, since each email is claimed by one statement. It runs outside Next, because
// emails are rendered with react-dom/server, which Next's server bundles refuse.

export type WorkerOptions = {
  database: Database;
  transport: Transport;
  store: ResumeStore;
  pacing?: Pacing;
  webhooks?: WebhookSettings;
  /** How often the outbox is looked at. */
  pollMs?: number;
  /** How often retention and the tidying run (and the weekly digests are looked at). */
  hourlyMs?: number;
  /** How often the postings are read for new ones to announce to the job alerts. */
  announceMs?: number;
  /** Where the postings are (content/ of the working directory). */
  contentRoot?: string;
  now?: () => number;
  log?: (line: string) => void;
};

/** Webhook deliveries posted at once by one worker (so a kill can cut as many posts). */
export const WEBHOOK_LANES = 3;
/** How long a stopping worker lets posts under way finish: well inside server.ts's 10 s shutdown deadline. */
const STOP_POSTS_AFTER_MS = 3_000;

export type Worker = { stop: () => Promise<void>; runOnce: () => Promise<void> };

export function startWorker({
  database,
  transport,
  store,
  pacing = DEFAULT_PACING,
  webhooks = DEFAULT_WEBHOOK_SETTINGS,
  pollMs = 1_000,
  hourlyMs = 3_600_000,
  announceMs = 60_000,
  contentRoot,
  now = Date.now,
  log = console.log,
}: WorkerOptions): Worker {
  let stopped = false;
  let lastHourly = 0;
  let lastAnnounced = 0;
  const cut = new AbortController();
  const cycle = async () => {
    const delivered = await deliverDue({ database, transport, now, pacing, stopping: () => stopped });
    for (const d of delivered) if (d.outcome === 'retry') log(`[mail] #${d.id} will be tried again: ${d.error}`);
    // Stopping: the email being sent is finished; the tidying waits for the next start.
    if (stopped) return;
    await forgetErasedMail({ database, transport });
    await compactSearchIndex(database);
    // A posting opens with a deploy (a new file, a draft opened) or on its datePosted: read every minute.
    if (now() - lastAnnounced >= announceMs) {
      lastAnnounced = now();
      const open = await announceablePostings({ root: contentRoot, now: now() });
      const announced = await announceNewPostings({ database, postings: open, now: now() });
      if (announced.length) log(`[alerts] announced ${announced.length} new posting(s)`);
      // On the same minute's beat: a reminder a day ahead, a scorecard request once an interview is over.
      const { reminded, asked } = await queueInterviewFollowUps({ database, now: now() });
      if (reminded || asked)
        log(`[interviews] reminders for ${reminded}, scorecard requests for ${asked} interview(s)`);
    }
    if (now() - lastHourly >= hourlyMs) {
      lastHourly = now();
      const erased = await applyRetention({ database, store, now: now() });
      if (erased) log(`[retention] erased ${erased} application(s) past the retention period`);
      await deleteExpiredAccess({ database, now: now() });
      await deleteStaleRateLimits({ database, now: now() });
      await deleteOldAuditEntries({ database, now: now(), days: auditRetentionDays() });
      await deleteOldDeliveries({ database, now: now() });
      const digests = await queueDigests({ database, now: now() });
      if (digests) log(`[alerts] ${digests} weekly digest(s) queued`);
      await deleteExpiredSubscriptions({ database, now: now(), days: alertsRetentionDays() });
      if (store.kind === 's3') await sweepOrphans({ database, store, now: now() });
    }
  };
  // Webhooks in lanes of their own: a receiver that takes its 10 s to fail neither holds the emails back nor,
  // while the other lanes run, every other endpoint's deliveries.
  const post = async () => {
    const posted = await deliverDueWebhooks({
      database,
      settings: webhooks,
      claimMs: pacing.claimMs,
      now,
      stopping: () => stopped,
      signal: cut.signal,
    });
    for (const d of posted) {
      if (d.outcome !== 'delivered') log(`[webhooks] delivery #${d.id} to endpoint #${d.endpointId}: ${d.outcome}`);
      if (d.paused) log(`[webhooks] endpoint #${d.endpointId} paused after a day of failures`);
    }
  };
  const repeat = async (work: () => Promise<void>) => {
    while (!stopped) {
      try {
        await work();
      } catch (error) {
        // A database, SMTP or network hiccup: the next cycle tries again; nothing is lost, the outbox still holds it.
        log(`[worker] ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs).unref());
    }
  };
  const loops = Promise.all([repeat(cycle), ...Array.from({ length: WEBHOOK_LANES }, () => repeat(post))]);
  return {
    runOnce: async () => {
      await cycle();
      await post();
    },
    stop: async () => {
      stopped = true;
      // A post under way may finish for a while; then it is cut (and posted again at the next start), so a
      // slow receiver does not keep the process past its shutdown deadline (server.ts).
      const timer = setTimeout(() => cut.abort(), STOP_POSTS_AFTER_MS);
      await loops;
      clearTimeout(timer);
    },
  };
}
