// Starting and stopping a production server for the crash test and the benchmark.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEED_SLUG } from '@/test-support/apply-post';

/** Builds once: an existing `.next` and `dist/` (from `npm run build` or the e2e run) are reused. */
export function ensureBuild() {
  if (fs.existsSync(path.join('.next', 'BUILD_ID')) && fs.existsSync(path.join('dist', 'server.mjs'))) return;
  console.log('No production build found: running npm run build');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

export type Server = { process: ChildProcess; origin: string; exited: Promise<void> };

/** How to start: the production command by default; the bench also starts `next start` and `npm start`. */
export type StartOptions = { command?: string[]; pollMs?: number };

/**
 * The compiled server `npm start` runs (dist/server.mjs), or `command`, in its own process group (so SIGKILL
 * reaches every process it started), on loopback. Resolves once the posting page answers, polled every `pollMs`.
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  { command = [process.execPath, 'dist/server.mjs'], pollMs = 100 }: StartOptions = {},
): Promise<Server> {
  // Never talk to somebody else's server by mistake: the port must be free before we start ours.
  const inUse = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (inUse) throw new Error(`Port ${port} is already in use; choose another with --port`);
  const [file, ...args] = command;
  const child = spawn(file!, [...args, '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${command.join(' ')} exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${origin}/careers/${SEED_SLUG}`)).ok) return { process: child, origin, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  killServer({ process: child, origin, exited });
  throw new Error(`${command.join(' ')} did not answer on ${origin} within 60 s`);
}

/** SIGKILL to the whole process group: no shutdown hooks, no flushing, as in a power cut of the process. */
export function killServer(server: Server) {
  try {
    process.kill(-server.process.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}
