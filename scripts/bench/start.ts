// Start-up time and idle memory of the production server against `next start` of the same build.
import fs from 'node:fs';
import { killServer, startServer } from '@/scripts/lib/server';
import { groupRss, mb, median, meets, ms, row } from './table';

// Long enough for the first page's work (and the worker's first cycle) to settle; short enough to run thrice.
const IDLE_MS = 3_000;

type Contender = { name: string; command: string[]; env?: Record<string, string> };

/** Milliseconds from spawn to the first 200 of the posting page, then the group's RSS once idle. */
async function startOnce(contender: Contender, port: number, env: Record<string, string>) {
  const started = performance.now();
  const server = await startServer(port, { ...env, ...contender.env }, { command: contender.command, pollMs: 10 });
  const firstPage = performance.now() - started;
  try {
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { firstPage, rss: groupRss(server.process.pid!, fs) };
  } finally {
    killServer(server);
    await server.exited;
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
  for (const [index, contender] of contenders.entries()) {
    const sample = samples.get(contender.name)!;
    const start = median(sample.firstPage) / baseStart;
    const rss = median(sample.rss) / baseRss;
    // The target is for the production command (the first); the others show what the worker and npm cost.
    const target = (ratio: number) => (index === 0 ? meets(ratio <= 1.3, '≤ 1.3') : '');
    const label = `Start: ${contender.name} (median of ${runs})`;
    row(
      label,
      'to the first posting page',
      ms(median(sample.firstPage)),
      `${ms(baseStart)} next start`,
      start.toFixed(2),
      target(start),
    );
    row(
      label,
      `process tree RSS, idle ${IDLE_MS / 1000} s`,
      mb(median(sample.rss)),
      `${mb(baseRss)} next start`,
      rss.toFixed(2),
      target(rss),
    );
  }
}
