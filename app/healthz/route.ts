// Liveness: the process answers. Nothing else is asked (a database outage is /readyz's to report), so an
// orchestrator does not restart an instance that is only waiting for its database.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok\n', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
