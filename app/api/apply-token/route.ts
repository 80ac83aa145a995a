import { issueFormToken } from '@/features/apply/anti-bot/form-token';

export const dynamic = 'force-dynamic';

/** A signed start time for the apply form; the posting page is static, so it cannot carry one itself. */
export function GET() {
  return Response.json({ token: issueFormToken() }, { headers: { 'Cache-Control': 'no-store' } });
}
