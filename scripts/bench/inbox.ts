import fs from 'node:fs';
import type { Server } from '@/scripts/lib/server';
import { groupRss, mb, median, meets, row } from './table';

// Views that fill a page of 50 at 1,000 applications as at a million, so the two sizes render the same page
// (a posting's interviews were 18 rows at 1,000: a smaller page, not a faster database).
export const INBOX = {
  'first page': '/admin',
  'filtered page': '/admin?posting=data-platform-engineer-berlin&status=new',
  search: '/admin?q=hopper',
};

/**
 * Median latency of each inbox view on each server, after a warm-up. The servers' requests alternate, so
 * whatever else the machine does at a moment falls on all of them alike.
 */
export async function inbox(targets: { server: Server; cookie: string }[]) {
  const out = targets.map(() => ({}) as Record<string, number>);
  const get = async ({ server, cookie }: (typeof targets)[number], url: string) => {
    const t0 = performance.now();
    const response = await fetch(server.origin + url, { headers: { Cookie: cookie }, redirect: 'manual' });
    await response.text();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    return performance.now() - t0;
  };
  for (const [name, url] of Object.entries(INBOX)) {
    const samples = targets.map(() => [] as number[]);
    for (let i = 0; i < 3; i++) for (const target of targets) await get(target, url);
    for (let i = 0; i < 30; i++) for (const [n, target] of targets.entries()) samples[n]!.push(await get(target, url));
    for (const [n, times] of samples.entries()) out[n]![name] = median(times);
  }
  return out;
}

/** The whole export, read as a browser would; the server's memory sampled as it streams. */
export async function exportCsv(server: Server, cookie: string, count: number) {
  const pgid = server.process.pid!;
  const before = groupRss(pgid, fs);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, groupRss(pgid, fs))), 50);
  const t0 = performance.now();
  const response = await fetch(`${server.origin}/admin/export`, { headers: { Cookie: cookie } });
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    bytes += part.value.length;
    for (const b of part.value) if (b === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (lines < count) throw new Error(`export has ${lines} lines for ${count} applications`);
  const label = `CSV export, ${count.toLocaleString('en')} rows`;
  row(label, 'time', `${seconds.toFixed(1)} s`, mb(bytes), `${(count / seconds).toFixed(0)} rows/s`);
  row(
    label,
    'server RSS peak',
    mb(peak),
    `before ${mb(before)}`,
    `+${mb(peak - before)}`,
    meets(peak - before <= 50e6, '≤ +50 MB'),
  );
}
