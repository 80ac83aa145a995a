import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// A real HTTP receiver on loopback, for tests: it keeps every request and checks each signature with the
// verification code docs/webhooks.md gives receivers (that very block, loaded from the page), so the snippet
// is tested too. It can be told to answer with other statuses first (500, then 200), to redirect, or to hang.

export type ReceivedDelivery = {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What the documented verifier said of the signature under `secret`. */
  verified: boolean;
  status: number;
  at: number;
};

export type WebhookReceiver = {
  url: string;
  port: number;
  received: () => ReceivedDelivery[];
  /** The statuses of the next answers, in order (200 after them); `'hang'` never answers. */
  answer: (...statuses: (number | 'hang')[]) => void;
  /**
   * Answer each delivery's first try with this status, its later tries with 200: whatever else the shared e2e
   * site posts here meanwhile, every delivery is refused once. `null` stops it.
   */
  refuseFirstTry: (status: number | null) => void;
  /** Answer every request with this status (a receiver that is down) until `always(null)`. */
  always: (status: number | null) => void;
  /** The secret the verifier checks signatures with. */
  secret: (value: string) => void;
  close: () => Promise<void>;
};

type Verify = (secret: string, header: string, body: string, toleranceSeconds?: number) => boolean;

let verifier: Promise<Verify> | undefined;

/** The `verifyCareersWebhook` of docs/webhooks.md, written to a module and imported. */
export function documentedVerifier(): Promise<Verify> {
  verifier ??= (async () => {
    const page = fs.readFileSync(path.join(process.cwd(), 'docs/webhooks.md'), 'utf8');
    const block = /```js\n([\s\S]*?verifyCareersWebhook[\s\S]*?)```/.exec(page)?.[1];
    if (!block) throw new Error('docs/webhooks.md has no js block with verifyCareersWebhook');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verifier-')), 'verify.mjs');
    fs.writeFileSync(file, block);
    const loaded = (await import(pathToFileURL(file).href)) as { verifyCareersWebhook: Verify };
    return loaded.verifyCareersWebhook;
  })();
  return verifier;
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const verify = await documentedVerifier();
  const received: ReceivedDelivery[] = [];
  const planned: (number | 'hang')[] = [];
  let secret = '';
  let fixed: number | null = null;
  let firstTry: number | null = null;
  const seen = new Set<string>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const delivery = String(request.headers['careers-delivery']);
      const first = firstTry !== null && !seen.has(delivery) ? firstTry : null;
      seen.add(delivery);
      const next = fixed ?? first ?? planned.shift() ?? 200;
      const header = request.headers['careers-signature'];
      const verified = typeof header === 'string' && verify(secret, header, body);
      received.push({ headers: request.headers, body, verified, status: next === 'hang' ? 0 : next, at: Date.now() });
      if (next === 'hang') return;
      if (next >= 300 && next < 400) response.setHeader('location', 'http://127.0.0.1:1/elsewhere');
      response.writeHead(next, { 'content-type': 'text/plain' }).end(next >= 400 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/hooks`,
    port: actual,
    received: () => [...received],
    answer: (...statuses) => void planned.push(...statuses),
    secret: (value) => void (secret = value),
    always: (status) => void (fixed = status),
    refuseFirstTry: (status) => void (firstTry = status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
