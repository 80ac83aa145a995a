import http from 'node:http';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import type { Server } from '@/scripts/lib/server';
import { SEED_SLUG } from '@/test-support/apply-post';
import { meets, ms, row } from './table';

async function cannon(url: string, seconds: number) {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** The posting page from Next against the same HTML as a static file from node:http. */
export async function postingPage(server: Server, seconds: number, port: number) {
  const html = await (await fetch(`${server.origin}/careers/${SEED_SLUG}`)).text();
  const plain = http.createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => plain.listen(port, '127.0.0.1', resolve));
  // Both warm first: a fresh server's first seconds are spent compiling its hot paths (the first 5 s of a
  // new `next start` served 850 req/s, the next 5 s 1,400), and the steady state is what a visitor meets.
  const urls = [`${server.origin}/careers/${SEED_SLUG}`, `http://127.0.0.1:${port}/`] as const;
  for (const url of urls) await cannon(url, 2);
  const next = await cannon(urls[0], seconds);
  const file = await cannon(urls[1], seconds);
  plain.close();
  row(
    'Posting page',
    'req/s',
    next.rps.toFixed(0),
    file.rps.toFixed(0),
    (next.rps / file.rps).toFixed(2),
    meets(next.rps / file.rps >= 0.23, '≥ 0.23'),
  );
  row('Posting page', 'p99 latency', ms(next.p99), ms(file.p99), (next.p99 / Math.max(1, file.p99)).toFixed(2));
}

/** Gzip bytes of the scripts a page loads, against a page of the same build with no client component. */
export async function clientJs(server: Server) {
  const gz = async (page: string) => {
    const html = await (await fetch(server.origin + page)).text();
    const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
    let total = 0;
    for (const src of sources) {
      const body = Buffer.from(await (await fetch(new URL(src, server.origin))).arrayBuffer());
      total += zlib.gzipSync(body, { level: 9 }).length;
    }
    return total;
  };
  const baseline = await gz('/privacy');
  for (const [name, page] of [
    ['posting page', `/careers/${SEED_SLUG}`],
    ['listing', '/careers'],
  ] as const) {
    const bytes = await gz(page);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    row(
      'Client JavaScript (gzip)',
      name,
      kb(bytes),
      `${kb(baseline)} (/privacy)`,
      (bytes / baseline).toFixed(2),
      meets(bytes / baseline <= 1.1, '≤ 1.10'),
    );
  }
}
