import type { NextRequest } from 'next/server';
import { framePage, viewFrom } from '@/features/embed/frame-page';
import { listPublicPostings } from '@/features/postings/open-postings';

/** The iframe version of the embed: only sites in EMBED_ORIGINS may frame it (proxy.ts sends its policy). */
export async function GET(request: NextRequest) {
  const page = framePage(await listPublicPostings(), viewFrom(request.nextUrl.searchParams));
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
    },
  });
}
