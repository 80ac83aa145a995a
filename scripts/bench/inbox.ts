import fs from 'node:fs';
import { signIn } from '@/db/admin/auth';
import { createAdminUser } from '@/db/admin-accounts';
import { openDatabase } from '@/db/database';
import type { Server } from '@/scripts/lib/server';
import { groupRss, median, meets, row } from './table';

export const INBOX = {
  'first page': '/admin',
  'filtered page': '/admin?posting=data-platform-engineer-berlin&status=interview',
  search: '/admin?q=hopper',
};

/** An admin account and a session of its own, through the data layer; the cookie signs the benchmark in. */
export async function adminCookie(databaseUrl: string): Promise<string> {
  const database = await openDatabase(databaseUrl);
  const email = `bench-${Date.now()}@example.com`;
  await createAdminUser(database, email, 'the benchmark password');
  const result = await signIn({ email, password: 'the benchmark password', address: 'bench' }, database);
  await database.close();
  if (result.status !== 'ok') throw new Error(`benchmark sign-in: ${result.status}`);
  return `admin_session=${result.token}`;
}

/** Median latency of each inbox view, after a warm-up. */
export async function inbox(server: Server, cookie: string) {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(INBOX)) {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) await fetch(server.origin + url, { headers: { Cookie: cookie } }).then((r) => r.text());
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const response = await fetch(server.origin + url, { headers: { Cookie: cookie }, redirect: 'manual' });
      await response.text();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      samples.push(performance.now() - t0);
    }
    out[name] = median(samples);
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
  row(
    label,
    'time',
    `${seconds.toFixed(1)} s`,
    `${(bytes / 1e6).toFixed(0)} MB`,
    `${(count / seconds).toFixed(0)} rows/s`,
  );
  row(
    label,
    'server RSS peak',
    `${(peak / 1e6).toFixed(0)} MB`,
    `before ${(before / 1e6).toFixed(0)} MB`,
    `+${((peak - before) / 1e6).toFixed(0)} MB`,
    meets(peak - before <= 50e6, '≤ +50 MB'),
  );
}
