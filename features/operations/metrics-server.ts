// /metrics as server.ts serves it: on the site's port behind METRICS_TOKEN, and on METRICS_PORT (loopback only)
// without one. The data's figures come through a connection of its own (one, on PostgreSQL), opened at the
// first scrape, so a scrape never waits for a request's connection nor a request for a scrape's.
import http from 'node:http';
import { openDatabase, type Database } from '@/db/database';
import { within } from '@/lib/deadline';
import { pathnameOf } from '@/lib/http/bad-path';
import { securityHeaders } from '@/lib/http/security-headers';
import { createMetrics } from './metrics';
import { carriesToken, type MetricsSettings } from './metrics-settings';
import { operationsSample } from './sample';

/** A database that does not answer within this is reported down; the scrape itself still answers. */
const SAMPLE_DEADLINE_MS = 2_000;

export type MetricsServer = {
  observe: ReturnType<typeof createMetrics>['observe'];
  /** Answers a request for /metrics on the site's port (the token is checked here). */
  answer: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  close: () => Promise<void>;
};

export async function startMetricsServer(settings: MetricsSettings): Promise<MetricsServer> {
  let database: Promise<Database> | undefined;
  const connect = () =>
    (database ??= openDatabase(undefined, { poolSize: 1, pool: 'metrics' }).catch((error: unknown) => {
      database = undefined;
      throw error;
    }));
  // Opened now, in the background: the first scrape does not spend its deadline connecting and migrating.
  connect().catch(() => {});
  const metrics = createMetrics({
    sample: () =>
      within(
        connect().then((database) => operationsSample({ database })),
        SAMPLE_DEADLINE_MS,
      ),
  });

  const send = async (request: http.IncomingMessage, response: http.ServerResponse, checkToken: boolean) => {
    for (const { key, value } of securityHeaders()) response.setHeader(key, value);
    response.setHeader('Cache-Control', 'no-store');
    const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      response.end(`${text}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    if (checkToken && !carriesToken(request.headers.authorization, settings.token ?? ''))
      return plain(401, 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"', {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    const text = await metrics.registry.metrics();
    response.writeHead(200, { 'Content-Type': metrics.registry.contentType });
    response.end(request.method === 'HEAD' ? undefined : text);
  };
  const failed = (response: http.ServerResponse) => (error: unknown) => {
    console.error(`[metrics] the scrape failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!response.headersSent) response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end();
  };

  let local: http.Server | null = null;
  if (settings.port) {
    const server = http.createServer((request, response) => {
      // Only /metrics is here, and no body is read.
      if (pathnameOf(request.url) !== '/metrics') {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end('Not found: metrics are at /metrics\n');
        return;
      }
      send(request, response, false).catch(failed(response));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port!, '127.0.0.1', () => resolve());
    });
    local = server;
    console.log(`Metrics on http://127.0.0.1:${settings.port}/metrics`);
  }

  return {
    observe: metrics.observe,
    answer: (request, response) => void send(request, response, true).catch(failed(response)),
    close: async () => {
      if (local) {
        const closed = new Promise((resolve) => local.close(resolve));
        // A scraper keeps its connection alive between scrapes; the stop does not wait for it to let go.
        local.closeAllConnections();
        await closed;
      }
      const open = database;
      database = undefined;
      if (open) await open.then((db) => db.close()).catch(() => {});
    },
  };
}
