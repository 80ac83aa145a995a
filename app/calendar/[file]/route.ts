import { getDb } from '@/db/index';
import { readCalendarFeed } from '@/features/interviews/mine';

// A team member's private calendar feed, `/calendar/<token>.ics`, for calendar programs to subscribe to: they
// send no cookie, so the token in the address is the key (made and revoked on /admin/interviews).

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const token = (await params).file.replace(/\.ics$/, '');
  const calendar = await readCalendarFeed({ token, context: { database: await getDb(), now: Date.now } });
  if (calendar === null)
    return new Response('No calendar here: the link is wrong, or was replaced or revoked.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  return new Response(calendar, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="interviews.ics"',
      // Personal to one member, and it changes with every booking.
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
