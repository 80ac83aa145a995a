import 'server-only';
import crypto from 'node:crypto';
import { appSecret } from './secret';

/**
 * Next runs a server action posted to any page, not only the page that renders its form, so a script could
 * reach the apply action through a path the proxy never sees, or a page path that names another posting.
 * The proxy stamps every POST to `/careers/<slug>` with a MAC of that path; the action accepts only a stamp
 * for the posting it stores against, so the proxy's checks ran and the page and the posting agree.
 */
export const APPLY_STAMP_HEADER = 'x-careers-apply-stamp';

export function applyStamp(pathname: string): string {
  return crypto.createHmac('sha256', appSecret()).update(`apply:${pathname}`).digest('base64url');
}

export function validApplyStamp(stamp: string | null, slug: string): boolean {
  if (!stamp) return false;
  const expected = Buffer.from(applyStamp(`/careers/${slug}`));
  const given = Buffer.from(stamp);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
