import crypto from 'node:crypto';

// The id that ties a request's log lines (and a proxy's) together, sent back as X-Request-Id. A proxy's own id is
// kept only when TRUST_PROXY says a proxy is there; from anyone else it could be forged to muddle the logs.
// No `@`: a client behind a proxy that passes its header on must not write an address into every line.
const ACCEPTED = /^[A-Za-z0-9._:/+=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, trusted: boolean): string {
  const given = Array.isArray(header) ? header[0] : header;
  return trusted && given && ACCEPTED.test(given) ? given : crypto.randomUUID();
}
