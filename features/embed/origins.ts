// EMBED_ORIGINS: the sites allowed to show the open positions (the company's own website, say). Only they may
// frame /embed/v1/jobs (CSP frame-ancestors) and read the public posting API from a browser (CORS); every other
// page keeps frame-ancestors 'none', and no other site gets CORS headers.

export type EmbedOrigins = readonly string[];

/**
 * `https://www.example.com https://example.org` (spaces or commas): each an origin, scheme and host (and port),
 * no path. A bad entry stops the server at start with its reason, not the first visitor's request.
 */
export function embedOriginsFromEnv(setting = process.env.EMBED_ORIGINS): EmbedOrigins {
  const entries = (setting ?? '').split(/[\s,]+/).filter(Boolean);
  return [...new Set(entries.map(originOf))];
}

function originOf(entry: string): string {
  const problem = (why: string) =>
    new Error(`EMBED_ORIGINS: "${entry}" ${why}; list origins such as https://www.example.com, separated by spaces`);
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw problem('is not an origin');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('must start with https://');
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/')
    throw problem('must be an origin alone, without a path, query or user name');
  if (url.hostname.includes('*')) throw problem('cannot hold a wildcard: list each site');
  // The origin goes into a header as it is: a host name or an IP address, nothing a policy could read as syntax.
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname))
    throw problem('is not an origin: its host name has characters no host name has');
  return url.origin;
}

let fromEnv: EmbedOrigins | undefined;
/** The setting, read once per process (server.ts has already refused a bad one at start). */
export function embedOrigins(): EmbedOrigins {
  return (fromEnv ??= embedOriginsFromEnv());
}

/** The request's Origin when it is one of the listed sites, else null. */
export function allowedOrigin(origin: string | null, allowed: EmbedOrigins = embedOrigins()): string | null {
  return origin && allowed.includes(origin) ? origin : null;
}

/** The frame-ancestors sources of the embeddable page: the listed sites, or none. */
export function embedFrameAncestors(allowed: EmbedOrigins = embedOrigins()): string {
  return allowed.length ? allowed.join(' ') : "'none'";
}
