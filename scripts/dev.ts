// npm run dev: `next dev`, and beside it the worker that sends the emails (to data/mail/ as .eml files
// unless SMTP_URL is set), so a developer sees every email the site would send.
import { spawn } from 'node:child_process';
import { startWorkerFromEnv } from '@/jobs/start';

const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const worker = await startWorkerFromEnv();
const stop = () => void (worker?.stop() ?? Promise.resolve()).finally(() => process.exit(next.exitCode ?? 0));
next.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => next.kill(signal));
