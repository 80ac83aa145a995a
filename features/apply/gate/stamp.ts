import 'server-only';
import { sign, verify } from '@/lib/security/hmac';

/**
 * Next runs a server action posted to any page, not only the page that renders its form, so a script could
 * reach the apply action through a path the proxy never sees, or a page path that names another posting.
 * The proxy stamps every POST to `/careers/<slug>` with a MAC of that path; the action accepts only a stamp
 * for the posting it stores against, so the proxy's checks ran and the page and the posting agree.
 */
export const APPLY_STAMP_HEADER = 'x-careers-apply-stamp';

export const applyStamp = (pathname: string) => sign('apply-stamp', pathname);

export const validApplyStamp = (stamp: string | null, slug: string) => verify('apply-stamp', `/careers/${slug}`, stamp);
