// npm start: Next's request handler behind a small Node server, because only this layer sees the socket.
// It decides the client's address (the socket's peer, or what TRUST_PROXY's proxies say), refuses a body
// larger than its route accepts before a byte of it is read, and adds HSTS when the site is served over https.
// It also runs the worker that sends the emails (jobs/), unless MAIL_WORKER=off.
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { databaseLocation } from '@/db/location';
import { hiringTeamFromEnv } from '@/features/mail/hiring-team';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { badPath } from '@/lib/http/bad-path';
import { refuseBody } from '@/lib/http/body-limits';
import { clientAddressFrom, trustedProxyHops } from '@/lib/http/client-address';
import { MESSAGE_HEADERS, messageHtml } from '@/lib/http/message-page';
import { HSTS, securityHeaders } from '@/lib/http/security-headers';
import { secretSetting } from '@/lib/security/secret-format';
import { site } from '@/lib/site';

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
hiringTeamFromEnv();
secretSetting(process.env.APP_SECRET, databaseLocation().dialect);
resumeStoreFromEnv();

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Set on SIGTERM (below): responses in progress are the connection's last, and each one ending lets it close.
let stopping = false;
const inFlight = new Set<http.ServerResponse>();

const server = http.createServer((request, response) => {
  inFlight.add(response);
  response.once('close', () => {
    inFlight.delete(response);
    if (stopping) server.closeIdleConnections();
  });
  if (stopping) response.setHeader('Connection', 'close');
  const address = clientAddressFrom(request.socket.remoteAddress, request.headers['x-forwarded-for'], hops);
  if (hops === 0) for (const header of FORWARDED) delete request.headers[header];
  request.headers['x-forwarded-for'] = address;
  const https = site.url.startsWith('https://') || (hops > 0 && request.headers['x-forwarded-proto'] === 'https');
  if (https) response.setHeader('Strict-Transport-Security', HSTS);

  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  // A path whose percent-encoding is not UTF-8 (`/careers/%ff`) makes Next answer a bare 500: answered here.
  const refusal = badPath(pathname) ?? refuseBody(pathname, request.headers);
  if (refusal) {
    for (const { key, value } of securityHeaders()) response.setHeader(key, value);
    const api = pathname.startsWith('/api/');
    const page = api
      ? JSON.stringify({ error: 'bad_request', message: refusal.title })
      : messageHtml(refusal.title, refusal.body);
    response.writeHead(refusal.status, {
      ...(api ? { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } : MESSAGE_HEADERS),
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
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`Careers site on http://${hostname}:${port}`));

// Emails, retention and tidying, in this process unless MAIL_WORKER=off. Its code (the database layer, the email
// templates, SMTP) is a chunk of its own, loaded once the server listens: the first page does not wait for it.
const worker = await import('@/jobs/start').then(({ startWorkerFromEnv }) => startWorkerFromEnv());

// SIGTERM (an orchestrator stopping the instance) or SIGINT: accept no new connection, let the requests in flight
// finish and the worker finish the email it is sending, then exit. What still runs after SHUTDOWN_MS is cut off.
const SHUTDOWN_MS = 10_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A signal to the process group reaches this process again through npm (`npm start`): once.
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
    void Promise.all([closed, worker?.stop()]).finally(() => process.exit(0));
  });
}
