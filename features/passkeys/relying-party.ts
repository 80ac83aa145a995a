import 'server-only';
import net from 'node:net';
import { site } from '@/lib/site';

// Who the passkeys are for: the site's own host name (WebAuthn's "relying party ID") and origin, from SITE_URL.
// A passkey made for one host name never signs in to another, which is what makes it unphishable. Browsers
// refuse an IP address as the ID and anything but https (or localhost) as the origin, so a site on such an
// address has no passkeys: the pages say why instead of offering a button that would fail.

export type RelyingParty = { id: string; origin: string; name: string };

export function relyingParty(): RelyingParty | null {
  let url: URL;
  try {
    url = new URL(site.url);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return null;
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (url.protocol !== 'https:' && !local) return null;
  return { id: host, origin: url.origin, name: `${site.shortName} hiring team` };
}
