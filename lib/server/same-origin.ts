import 'server-only';
import { isSameOrigin } from './origin';

/**
 * Next checks server action origins too, but this also covers `Origin: null` (sandboxed frames, some
 * redirects), which a forged cross-site form can send. A request without Origin comes from a non-browser client.
 */
export function sameOrigin(headers: Headers): boolean {
  return isSameOrigin(headers);
}
