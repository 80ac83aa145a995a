// npm run mail:work: the worker on its own, for a deployment that runs it apart from the web servers
// (start those with MAIL_WORKER=off). It delivers the outbox, applies retention and tidies, until stopped.
import { startWorkerFromEnv } from '@/jobs/start';

const worker = await startWorkerFromEnv({ ...process.env, MAIL_WORKER: 'on' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void worker?.stop().then(() => process.exit(0)));
}
