import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Which addresses a webhook may reach. A URL an owner typed must not become a way into the site's own network
// (server-side request forgery): only public unicast addresses are allowed, so loopback, private, link-local
// (cloud metadata at 169.254.169.254), carrier-grade NAT (another cloud's metadata), unique-local IPv6 (AWS's
// fd00:ec2::254), IPv4 embedded in IPv6 and the reserved ranges are refused. ipaddr.js classifies them.

/** Why the address is refused (its range), or null when it is public. */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // `process` turns ::ffff:10.0.0.1 into the IPv4 address it carries, so a mapped private address is caught.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== 'unicast') return range;
  // The deprecated IPv4-compatible form (::7f00:1 is 127.0.0.1) is no public address either.
  const bytes = parsed.toByteArray();
  if (parsed.kind() === 'ipv6' && bytes.slice(0, 12).every((byte) => byte === 0)) return 'ipv4Compatible';
  return null;
}

export class RefusedAddressError extends Error {
  constructor(host: string, address: string, range: string) {
    super(
      `${host} resolves to ${address} (${range}), which webhooks may not reach: only public addresses are allowed (WEBHOOK_ALLOW_PRIVATE=1 lifts this for development)`,
    );
    this.name = 'RefusedAddressError';
  }
}

/** The URL's host as an address, when it is written as one ("[::1]" → "::1"); otherwise null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}
