import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { literalAddress, refusedRange, RefusedAddressError } from './address-policy';

// One POST to a receiver, guarded: the address is checked after the name is resolved and the connection goes to
// the address that was checked (the lookup hook below), so a name that resolves to a public address for the
// check and to 127.0.0.1 for the connection (DNS rebinding) gets nowhere. Redirects are not followed, the
// whole exchange has a deadline, and at most a few kilobytes of the answer are read.

export type SendOutcome = {
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status: number | null;
  /** Why it did not count as delivered: the status and the start of the answer, or the network's error. */
  error: string | null;
  /** Cut off because the worker is stopping: not an answer of the receiver's, so not a failed try. */
  aborted?: boolean;
  ms: number;
};

export type SendPolicy = { allowHttp: boolean; allowPrivate: boolean };

export const SEND_TIMEOUT_MS = 10_000;
const KEPT_BYTES = 4_096;

/** Resolves like dns.lookup, and refuses a name any of whose addresses is not public. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const range = allowPrivate ? null : refusedRange(address);
        if (range) return callback(new RefusedAddressError(hostname, address, range), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

const printable = (text: string) => text.replace(/[^\x20-\x7e]+/g, ' ').trim();

export function sendWebhook({
  url,
  body,
  headers,
  policy,
  timeoutMs = SEND_TIMEOUT_MS,
  signal,
}: {
  url: string;
  body: string;
  headers: Record<string, string>;
  policy: SendPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<SendOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, 'ms'>): SendOutcome => ({
    ...outcome,
    ms: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve(done({ ok: false, status: null, error: 'the URL is not valid' }));
    }
    const secure = target.protocol === 'https:';
    if (!secure && !(target.protocol === 'http:' && policy.allowHttp)) {
      return resolve(
        done({ ok: false, status: null, error: 'only https URLs are allowed (WEBHOOK_ALLOW_HTTP=1 allows http)' }),
      );
    }
    // A host written as an address is connected to without a lookup, so it is checked here.
    const literal = literalAddress(target.hostname);
    const range = literal && !policy.allowPrivate ? refusedRange(literal) : null;
    if (literal && range) {
      return resolve(
        done({ ok: false, status: null, error: new RefusedAddressError(literal, literal, range).message }),
      );
    }
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      request.destroy();
      resolve(done(outcome));
    };
    const request = (secure ? https : http).request(target, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(policy.allowPrivate),
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'careers-portal-webhooks/1',
      },
    });
    const timer = setTimeout(
      () => finish({ ok: false, status: null, error: `no answer within ${timeoutMs / 1000} s` }),
      timeoutMs,
    );
    request.on('error', (error) => finish({ ok: false, status: null, error: printable(error.message) }));
    const abort = () => finish({ ok: false, status: null, error: 'the worker stopped', aborted: true });
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let kept = 0;
      const conclude = () => {
        const text = printable(Buffer.concat(chunks).toString('utf8')).slice(0, 300);
        if (status >= 200 && status < 300) return finish({ ok: true, status, error: null });
        const redirect =
          status >= 300 && status < 400
            ? ` (a redirect to ${response.headers.location ?? 'nowhere'}, not followed)`
            : '';
        finish({ ok: false, status, error: `HTTP ${status}${redirect}${text ? `: ${text}` : ''}` });
      };
      response.on('data', (chunk: Buffer) => {
        if (kept < KEPT_BYTES) chunks.push(chunk.subarray(0, KEPT_BYTES - kept));
        kept += chunk.length;
        // The rest of a long answer is not waited for: the status is known.
        if (kept >= KEPT_BYTES) conclude();
      });
      response.on('end', conclude);
      response.on('error', conclude);
    });
    request.end(body);
  });
}
