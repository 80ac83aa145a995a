import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback that keeps what it receives, for tests: the site's nodemailer talks SMTP
// to it as to any mail server. It can be told to refuse (down for a while, or a permanent 5xx) so retries
// are tested against a real conversation. `listen()` also serves the messages over HTTP for Playwright.

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The calendar invitation it carries (text/calendar), as sent; absent when it carries none. */
  calendar?: string;
  /** Every header as sent, by its lower-case name (the last, if repeated). */
  headers: Record<string, string>;
  receivedAt: number;
};

export type SmtpSink = {
  url: string;
  port: number;
  messages: () => ReceivedMail[];
  /** Refuse every message (451, try later) until `refuse(null)`; or refuse for good (550). */
  refuse: (mode: 'temporary' | 'permanent' | null) => void;
  close: () => Promise<void>;
};

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusing: 'temporary' | 'permanent' | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1: without a resolver it costs 100 ms a message.
    disableReverseLookup: true,
    // Closing waits this long for clients' kept connections (the site pools one) instead of 30 s.
    closeTimeout: 200,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const addresses = [parsed.to].flat().flatMap((to) => to?.value ?? []);
          if (refusing) {
            // As real servers do, the refusal quotes the recipient (what the site keeps of it must not).
            const quoted = addresses.map((a) => `<${a.address}>`).join(', ');
            const error = Object.assign(
              new Error(refusing === 'temporary' ? `Try again later: ${quoted}` : `Mailbox unavailable: ${quoted}`),
              {
                responseCode: refusing === 'temporary' ? 451 : 550,
              },
            );
            callback(error);
            return;
          }
          received.push({
            to: addresses.map((a) => a.address ?? ''),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            headers: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()]),
            ),
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            calendar: parsed.attachments
              .find((attachment) => attachment.contentType.startsWith('text/calendar'))
              ?.content.toString('utf8'),
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client that vanishes mid-conversation (a site killed by the crash test) is its own affair.
  server.on('error', () => {});
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    messages: () => [...received],
    refuse: (mode) => {
      refusing = mode;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The sink's messages over HTTP: GET /messages[?to=address] lists them (JSON), POST /refuse?mode=temporary|
 * permanent|none changes what the SMTP side answers.
 */
export function serveSink(sink: SmtpSink, port: number): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const list = sink.messages().filter((m) => !to || m.to.some((address) => address.toLowerCase() === to));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
    } else if (url.pathname === '/refuse' && request.method === 'POST') {
      const mode = url.searchParams.get('mode');
      sink.refuse(mode === 'temporary' || mode === 'permanent' ? mode : null);
      response.writeHead(204).end();
    } else if (url.pathname === '/') {
      response.writeHead(200).end('smtp sink');
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
