import { embedScript } from '@/features/embed/script';

export const dynamic = 'force-static';

/** The job list other websites embed with one line (README, "Embed the open positions"); v1 in its address. */
export function GET() {
  return new Response(embedScript(), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // A host page caches it for an hour; a change of what it does gets a new version in the address.
      'Cache-Control': 'public, max-age=3600',
    },
  });
}
