// npm start: Next's request handler behind a small Node server, because only this layer sees the socket.
// It decides the client's address (the socket's peer, or what TRUST_PROXY's proxies say), refuses a body
// larger than its route accepts before a byte of it is read, and adds HSTS when the site is served over https.
// It names each request by its route pattern for the log and /metrics (with METRICS_TOKEN or METRICS_PORT), and
// runs the worker that sends the emails (jobs/), unless MAIL_WORKER=off.
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { databaseLocation } from '@/db/location';
import { embedOriginsFromEnv } from '@/features/embed/origins';
import { hiringTeamFromEnv } from '@/features/mail/hiring-team';
import { metricsSettingsFromEnv } from '@/features/operations/metrics-settings';
import { DRAINING_BODY, shutdownDelayMsFromEnv } from '@/features/operations/shutdown';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { ssoConfig } from '@/features/sso/config';
import { badPath, pathnameOf } from '@/lib/http/bad-path';
import { refuseBody } from '@/lib/http/body-limits';
import { clientAddressFrom, trustedProxyHops } from '@/lib/http/client-address';
import { MESSAGE_HEADERS, messageHtml } from '@/lib/http/message-page';
import { requestIdFrom } from '@/lib/http/request-id';
import { filesUnder, routeMatcher, routePatternsFrom, UNMATCHED } from '@/lib/http/route-patterns';
import { HSTS, securityHeaders } from '@/lib/http/security-headers';
import { guardedConsole, logFormatFromEnv, logLine, logRequestsFromEnv, requestContext, writeLine } from '@/lib/log';
import { secretSetting } from '@/lib/security/secret-format';
import { site } from '@/lib/site';

// The app/ tree's route patterns, listed by scripts/build-server.ts when it compiles this file (the deployed
// site need not ship app/); read from the tree when this file runs uncompiled.
declare const __APP_ROUTES__: string[] | undefined;

const { values: args } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  allowPositionals: true,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';
const hops = trustedProxyHops();
// Headers only a trusted proxy may set; without one, a client's own values are dropped (Next fills its own).
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];
const LINGER_MS = 2_000;

// Settings that would fail on the first request fail now, with the reason.
const logFormat = logFormatFromEnv();
const logRequests = logRequestsFromEnv();
hiringTeamFromEnv();
secretSetting(process.env.APP_SECRET, databaseLocation().dialect);
resumeStoreFromEnv();
embedOriginsFromEnv();
ssoConfig();
const shutdownDelayMs = shutdownDelayMsFromEnv();
const metricsSettings = metricsSettingsFromEnv();
// Next's own lines (its errors) and the site's become JSON too with LOG_FORMAT=json (a collector never reads a
// line of plain text), and none carries the values a failed query quoted.
guardedConsole(logFormat);

const routeOf = routeMatcher(
  typeof __APP_ROUTES__ === 'undefined' ? routePatternsFrom(filesUnder('app')) : __APP_ROUTES__,
  fs.existsSync('public') ? filesUnder('public') : [],
);
// prom-client and the figures' database connection load only for a site that is scraped.
const metrics =
  metricsSettings.token || metricsSettings.port
    ? await import('@/features/operations/metrics-server').then(({ startMetricsServer }) =>
        startMetricsServer(metricsSettings),
      )
    : null;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Set on SIGTERM (below): responses in progress are the connection's last, and each one ending lets it close.
let stopping = false;
// Set on SIGTERM for SHUTDOWN_DELAY_SECONDS first: everything is served, but /readyz says the instance is going.
let draining = false;
const inFlight = new Set<http.ServerResponse>();

const server = http.createServer((request, response) => {
  const started = process.hrtime.bigint();
  const pathname = pathnameOf(request.url);
  const scrape = pathname === '/metrics' && Boolean(metricsSettings.token);
  const requestId = requestIdFrom(request.headers['x-request-id'], hops > 0);
  request.headers['x-request-id'] = requestId;
  response.setHeader('X-Request-Id', requestId);
  inFlight.add(response);
  response.once('close', () => {
    inFlight.delete(response);
    if (stopping) server.closeIdleConnections();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The pattern, never the path: paths hold candidates' private tokens and whatever a client makes up.
    const route = scrape ? '/metrics' : pathname === null ? UNMATCHED : routeOf(pathname);
    const method = request.method ?? 'GET';
    // A client gone before its answer began is counted as nginx does, 499, not as the 200 nobody sent.
    const status = response.headersSent ? response.statusCode : 499;
    metrics?.observe({ method, route, status, seconds });
    if (logRequests || status >= 500) {
      const level = status >= 500 ? 'error' : 'info';
      const fields = { requestId, method, route, status, ms: Math.round(seconds * 10_000) / 10 };
      const ended = response.writableFinished ? fields : { ...fields, aborted: true };
      writeLine(logLine(logFormat, level, 'request', ended), level);
    }
  });
  if (stopping) response.setHeader('Connection', 'close');
  const address = clientAddressFrom(request.socket.remoteAddress, request.headers['x-forwarded-for'], hops);
  if (hops === 0) for (const header of FORWARDED) delete request.headers[header];
  request.headers['x-forwarded-for'] = address;
  const https = site.url.startsWith('https://') || (hops > 0 && request.headers['x-forwarded-proto'] === 'https');
  if (https) response.setHeader('Strict-Transport-Security', HSTS);

  // A path whose percent-encoding is not UTF-8 (`/careers/%ff`) makes Next answer a bare 500: answered here.
  // /metrics is under the same limits: a body sent to it is refused by its length, never read.
  const refusal = badPath(pathname) ?? refuseBody(pathname!, request.headers);
  if (refusal) {
    for (const { key, value } of securityHeaders()) response.setHeader(key, value);
    const api = pathname?.startsWith('/api/') ?? false;
    // /api/v1 speaks RFC 9457 problem details (features/api/problem.ts); the public /api/ its older shape.
    const v1 = pathname?.startsWith('/api/v1/') ?? false;
    const page = v1
      ? JSON.stringify({
          type: 'about:blank',
          title: http.STATUS_CODES[refusal.status] ?? 'Bad Request',
          status: refusal.status,
          detail: refusal.title,
        })
      : api
        ? JSON.stringify({ error: 'bad_request', message: refusal.title })
        : messageHtml(refusal.title, refusal.body);
    const type = v1 ? 'application/problem+json' : 'application/json; charset=utf-8';
    response.writeHead(refusal.status, {
      ...(api ? { 'Content-Type': type, 'Cache-Control': 'no-store' } : MESSAGE_HEADERS),
      'Content-Length': Buffer.byteLength(page),
      Connection: 'close',
    });
    // The whole answer is written, but the response is ended only once the body has been read and dropped,
    // or after a moment: a connection closed with unread bytes is reset, and the reset can destroy the
    // answer before the client reads it (measured: a 12 MB upload lost its 413 one time in two).
    response.write(page);
    request.resume();
    const end = () => {
      if (!response.writableEnded) response.end();
    };
    request.once('end', end);
    setTimeout(() => {
      end();
      request.socket.destroy();
    }, LINGER_MS).unref();
    return;
  }
  if (draining && pathname === '/readyz') {
    for (const { key, value } of securityHeaders()) response.setHeader(key, value);
    response.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(DRAINING_BODY);
    return;
  }
  if (scrape) return metrics!.answer(request, response);
  // Lines the site writes while answering name this request (lib/log.ts).
  requestContext.run({ requestId }, () => void handle(request, response));
});
server.listen(port, hostname, () => console.log(`Careers site on http://${hostname}:${port}`));

// Emails, retention and tidying, in this process unless MAIL_WORKER=off. Its code (the database layer, the email
// templates, SMTP) is a chunk of its own, loaded once the server listens: the first page does not wait for it.
// A worker that cannot start (its database unreachable, migrations missing) stops the process with the reason: a
// site that serves pages but never sends an email nor keeps retention would look healthy to everyone.
const worker = await import('@/jobs/start')
  .then(({ startWorkerFromEnv }) => startWorkerFromEnv())
  .catch((error: unknown) => {
    console.error(`[server] the worker could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });

// SIGTERM (an orchestrator stopping the instance) or SIGINT: with SHUTDOWN_DELAY_SECONDS, first a while of
// serving with /readyz at 503; then accept no new connection, let the requests in flight finish and the worker
// finish the email it is sending, and exit. What still runs after SHUTDOWN_MS is cut off.
const SHUTDOWN_MS = 10_000;
let drainTimer: NodeJS.Timeout | undefined;
let drainingAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    if (shutdownDelayMs > 0 && !draining) {
      draining = true;
      drainingAt = Date.now();
      console.log(`[server] ${signal}: /readyz answers 503; stopping in ${shutdownDelayMs / 1000} s`);
      drainTimer = setTimeout(() => stop(signal), shutdownDelayMs);
      return;
    }
    // A signal to the process group reaches this process again through npm (`npm start`), at once: that is the
    // first one's echo. A second signal later while draining (Ctrl-C twice) stops now.
    if (draining && Date.now() - drainingAt < 1000) return;
    clearTimeout(drainTimer);
    stop(signal);
  });
}

function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: finishing ${inFlight.size} request(s) in flight`);
  // A kept-alive connection would otherwise wait out its idle timeout after its last response.
  for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`[server] requests still running after ${SHUTDOWN_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_MS).unref();
  void Promise.all([closed, worker?.stop(), metrics?.close()]).finally(() => process.exit(0));
}
