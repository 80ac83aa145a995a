import { openDatabase } from '@/db/database';
import { announceMsFromEnv } from '@/features/alerts/announce';
import { pacingFromEnv } from '@/features/mail/deliver';
import { transportFromEnv } from '@/features/mail/transport';
import { alertsRetentionDays, auditRetentionDays, retentionDays } from '@/features/privacy/retention-days';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { webhookSettings } from '@/features/webhooks/settings';
import { startWorker, type Worker } from './worker';

/**
 * The worker beside a web server (server.ts, scripts/dev.ts), unless MAIL_WORKER=off says another process
 * runs it (`npm run mail:work`). It has its own database connection, so its work never waits on a request's.
 */
export async function startWorkerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Worker | null> {
  // A bad setting stops the start, not every later cycle (nor the privacy notice).
  retentionDays(env.RETENTION_DAYS);
  auditRetentionDays(env.AUDIT_RETENTION_DAYS);
  alertsRetentionDays(env.ALERTS_RETENTION_DAYS);
  const pacing = pacingFromEnv(env);
  const announceMs = announceMsFromEnv(env.ALERTS_ANNOUNCE_SECONDS);
  const webhooks = webhookSettings(env);
  if (env.MAIL_WORKER === 'off') return null;
  if (env.MAIL_WORKER && env.MAIL_WORKER !== 'on') {
    throw new Error(`MAIL_WORKER must be "on" (the default) or "off"; got "${env.MAIL_WORKER}"`);
  }
  const database = await openDatabase(undefined, { pool: 'worker' });
  const transport = transportFromEnv(env);
  const worker = startWorker({ database, transport, store: resumeStoreFromEnv(env), pacing, webhooks, announceMs });
  console.log(`Worker running: mail through ${transport.describe}`);
  return {
    runOnce: worker.runOnce,
    stop: async () => {
      await worker.stop();
      transport.close?.();
      await database.close();
    },
  };
}
