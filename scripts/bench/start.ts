// Start-up time and idle memory of the production server against `next start` of the same build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { SEED_SLUG } from '@/test-support/apply-post';
import { groupRss, median, meets, ms, row } from './table';

// Long enough for the first page's work (and the worker's first cycle) to settle; short enough to run thrice.
const IDLE_MS = 3_000;

type Contender = { name: string; command: string[]; env?: Record<string, string> };

/** Milliseconds from spawn to the first 200 of the posting page, then the group's RSS once idle. */
async function startOnce(contender: Contender, port: number, env: Record<string, string>) {
  const [command, ...rest] = contender.command;
  const started = performance.now();
  const child = spawn(command!, [...rest, '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, ...contender.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let firstPage = 0;
    while (!firstPage) {
      if (child.exitCode !== null) throw new Error(`${contender.name} exited (${child.exitCode})`);
      if (performance.now() - started > 60_000) throw new Error(`${contender.name} did not answer in 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/careers/${SEED_SLUG}`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) firstPage = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { firstPage, rss: groupRss(child.pid!, fs) };
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
}

/**
 * Each contender started `runs` times, interleaved (so a noisy moment hits all alike); medians compared with
 * `next start`, which is the same build without this site's server layer and worker.
 */
export async function startUp(port: number, env: Record<string, string>, runs = 3) {
  const baseline: Contender = {
    name: 'next start',
    command: [process.execPath, 'node_modules/next/dist/bin/next', 'start'],
  };
  const contenders: Contender[] = [
    { name: 'node dist/server.mjs', command: [process.execPath, 'dist/server.mjs'] },
    {
      name: 'node dist/server.mjs, MAIL_WORKER=off',
      command: [process.execPath, 'dist/server.mjs'],
      env: { MAIL_WORKER: 'off' },
    },
    { name: 'npm start', command: ['npm', 'start', '--'] },
  ];
  const samples = new Map<string, { firstPage: number[]; rss: number[] }>();
  for (let run = 0; run < runs; run++) {
    for (const contender of [baseline, ...contenders]) {
      const { firstPage, rss } = await startOnce(contender, port, env);
      const sample = samples.get(contender.name) ?? { firstPage: [], rss: [] };
      sample.firstPage.push(firstPage);
      sample.rss.push(rss);
      samples.set(contender.name, sample);
    }
  }
  const base = samples.get(baseline.name)!;
  const baseStart = median(base.firstPage);
  const baseRss = median(base.rss);
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  for (const [index, contender] of contenders.entries()) {
    const sample = samples.get(contender.name)!;
    const start = median(sample.firstPage) / baseStart;
    const rss = median(sample.rss) / baseRss;
    // The target is for the production command (the first); the others show what the worker and npm cost.
    const target = (ratio: number) => (index === 0 ? meets(ratio <= 1.3, '≤ 1.3') : '');
    row(
      `Start: ${contender.name} (median of ${runs})`,
      'to the first posting page',
      ms(median(sample.firstPage)),
      `${ms(baseStart)} next start`,
      start.toFixed(2),
      target(start),
    );
    row(
      `Start: ${contender.name} (median of ${runs})`,
      `process tree RSS, idle ${IDLE_MS / 1000} s`,
      mb(median(sample.rss)),
      `${mb(baseRss)} next start`,
      rss.toFixed(2),
      target(rss),
    );
  }
}
