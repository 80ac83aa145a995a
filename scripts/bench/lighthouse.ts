import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Server } from '@/scripts/lib/server';
import { SEED_SLUG } from '@/test-support/apply-post';
import { median, meets, row } from './table';

const run = promisify(execFile);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export const LIGHTHOUSE_PAGES = {
  // The floor: a page of the same build without any client component.
  floor: '/privacy',
  listing: '/careers',
  posting: `/careers/${SEED_SLUG}`,
};

type Report = { scores: Record<(typeof CATEGORIES)[number], number>; tbt: number };

/**
 * One Lighthouse run with its mobile defaults (simulated slow 4G and a 4× slower CPU), in a Chromium of its
 * own: the `lighthouse` CLI from npm, Debian's Chromium (or CHROME_PATH).
 */
async function lighthouse(url: string, chrome: string, out: string): Promise<Report> {
  await run(
    process.execPath,
    [
      path.join('node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  const lhr = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { message: string };
  };
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Report['scores'];
  return { scores, tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN };
}

/**
 * Each page `runs` times, interleaved (floor, listing, posting, floor, …) so the three share the machine's
 * state; the medians side by side, the posting page and the listing against the floor page.
 */
export async function lighthouseRows(server: Server, runs: number, dir: string) {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chrome)) throw new Error(`No Chromium at ${chrome}: set CHROME_PATH`);
  const reports: Record<string, Report[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, page] of Object.entries(LIGHTHOUSE_PAGES)) {
      (reports[name] ??= []).push(
        await lighthouse(server.origin + page, chrome, path.join(dir, `lh-${name}-${i}.json`)),
      );
    }
  }
  const med = (name: string, pick: (r: Report) => number) => median(reports[name]!.map(pick));
  const spread = (name: string, pick: (r: Report) => number) => {
    const all = reports[name]!.map(pick);
    return `${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)}`;
  };
  const floorPerf = med('floor', (r) => r.scores.performance);
  const floorTbt = med('floor', (r) => r.tbt);
  for (const name of ['listing', 'posting'] as const) {
    const label = `Lighthouse mobile, ${name} (median of ${runs})`;
    const perf = med(name, (r) => r.scores.performance);
    const tbt = med(name, (r) => r.tbt);
    row(
      label,
      'performance',
      `${perf} (${spread(name, (r) => r.scores.performance)})`,
      `${floorPerf} (${spread('floor', (r) => r.scores.performance)}) /privacy`,
      (perf / Math.max(1, floorPerf)).toFixed(2),
      meets(perf >= floorPerf, '≥ the floor'),
    );
    row(
      label,
      'Total Blocking Time',
      `${tbt.toFixed(0)} ms (${spread(name, (r) => r.tbt)})`,
      `${floorTbt.toFixed(0)} ms (${spread('floor', (r) => r.tbt)}) /privacy`,
      (tbt / Math.max(1, floorTbt)).toFixed(2),
      meets(tbt <= floorTbt, '≤ the floor'),
    );
    const others = (['accessibility', 'best-practices', 'seo'] as const).map((c) => med(name, (r) => r.scores[c]));
    row(
      label,
      'accessibility / best practices / SEO',
      others.join(' / '),
      '',
      '',
      meets(
        others.every((score) => score === 100),
        '100 / 100 / 100',
      ),
    );
  }
}
