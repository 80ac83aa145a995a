/** The public API is read-only and cacheable; which sites may read it from a browser is proxy.ts's (EMBED_ORIGINS). */
export const PUBLIC_API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
  'X-Content-Type-Options': 'nosniff',
} as const;
