/**
 * How many reverse proxies in front of the site append to X-Forwarded-For: TRUST_PROXY unset (or 0) means
 * none, so the client is the socket's peer and every forwarded header is the client's own invention.
 * `1` (or `true`) is one proxy; a larger number is a chain of that many.
 */
export function trustedProxyHops(setting = process.env.TRUST_PROXY): number {
  const value = setting?.trim().toLowerCase();
  if (!value || value === '0' || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(
      `TRUST_PROXY must be unset, true, or the number of proxies in front of the site (0 to 10); got "${setting}"`,
    );
  }
  return hops;
}

const unmap = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The client's address. With no trusted proxy it is the socket's peer. With `hops` proxies, each appends the
 * address it saw to X-Forwarded-For, so the client is the entry the outermost proxy appended: `hops` from the
 * right. Anything to its left was sent by the client and proves nothing.
 */
export function clientAddressFrom(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  const peer = unmap(socketAddress ?? 'unknown');
  if (hops === 0) return peer;
  const entries = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries.length >= hops ? entries[entries.length - hops] : entries[0];
  // A proxy in the chain that did not append (misconfigured) leaves fewer entries: the furthest one known.
  return entry ? unmap(entry).slice(0, 64) : peer;
}
