import { CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from './text-rules';

// Where a candidate came from, as stored with the application. Everything here arrives from the browser
// (a query string, a Referer header, hidden fields) and anyone can write it, so it is trimmed to short,
// printable text; a value that fails is dropped without a word, since it is never the candidate's doing.

export type ApplicationSource = {
  /** `?src=`, else `utm_source`, else the referring site's host; null when nothing says. */
  source: string | null;
  medium: string | null;
  campaign: string | null;
  /** The referring page's origin (never its path or query, which can carry someone else's data). */
  referrer: string | null;
};

export const SOURCE_MAX_CHARS = 100;
/** A URL longer than this is not read at all: no campaign link needs more, and parsing stays cheap. */
const URL_MAX_CHARS = 2000;

const UNPRINTABLE = new RegExp(`${CONTROL_OR_LINE_BREAK.source}|${DIRECTION_CONTROL.source}|[\\u200B-\\u200F\\uFEFF]`);

/** A value fit to store and show: trimmed, 1 to 100 characters, no control, direction or invisible marks. */
export function cleanSourceValue(value: string | null | undefined): string | null {
  const text = value?.normalize('NFC').trim();
  if (!text || text.length > SOURCE_MAX_CHARS || UNPRINTABLE.test(text)) return null;
  return text;
}

/** `scheme://host[:port]` of an http(s) URL, or null for anything else (data:, javascript:, garbage). */
export function originOf(url: string | null | undefined): string | null {
  if (!url || url.length > URL_MAX_CHARS) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return cleanSourceValue(parsed.origin);
  } catch {
    return null;
  }
}

type SourceInput = {
  /** The query of the posting page, `?src=…` (from the hidden field, or the same-origin Referer's). */
  query: string | null;
  /** The page that sent the candidate to the posting (`document.referrer`: only known with JavaScript). */
  referrer: string | null;
  /** This site's host (as the proxy's Origin check reads it): a referrer from our own pages says nothing. */
  siteHost: string;
};

/**
 * The source to store: `?src=` wins, else `utm_source`, else the referring site's host; the medium and
 * campaign come from `utm_medium` and `utm_campaign`. Sources are lower-cased, so `LinkedIn` and `linkedin`
 * count as one.
 */
export function parseSource({ query, referrer, siteHost }: SourceInput): ApplicationSource {
  const params = query && query.length <= URL_MAX_CHARS ? new URLSearchParams(query) : new URLSearchParams();
  const param = (name: string) => cleanSourceValue(params.get(name));
  const from = originOf(referrer);
  const external = from !== null && new URL(from).host !== siteHost.toLowerCase() ? from : null;
  const tagged = param('src') ?? param('utm_source');
  return {
    source: (tagged ?? (external ? new URL(external).host : null))?.toLowerCase() ?? null,
    medium: param('utm_medium'),
    campaign: param('utm_campaign'),
    referrer: external,
  };
}

/**
 * The posting page's query from what the server received: the hidden field the enhancement filled, else the
 * Referer, which a form posted without JavaScript carries with its query (the site's Referrer-Policy,
 * strict-origin-when-cross-origin, sends the whole URL to the same origin). A Referer from another origin or
 * another page is not the posting page and is ignored.
 */
export function postingQuery(
  { field, refererHeader }: { field: unknown; refererHeader: string | null },
  { siteHost, path }: { siteHost: string; path: string },
): string | null {
  if (typeof field === 'string' && field.startsWith('?') && field.length <= URL_MAX_CHARS) return field;
  if (!refererHeader || refererHeader.length > URL_MAX_CHARS) return null;
  try {
    const url = new URL(refererHeader);
    const ours = (url.protocol === 'http:' || url.protocol === 'https:') && url.host === siteHost.toLowerCase();
    return ours && url.pathname === path ? url.search : null;
  } catch {
    return null;
  }
}
