import { listPublicPostings } from '@/features/postings/open-postings';
import { PUBLIC_API_HEADERS } from '@/lib/http/api-headers';

export const revalidate = 3600;

export async function generateStaticParams() {
  return (await listPublicPostings()).map((p) => ({ slug: p.slug }));
}

/** GET /api/postings/<slug>: one open posting, or a JSON 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const posting = (await listPublicPostings()).find((p) => p.slug === slug);
  if (!posting) {
    return Response.json(
      { error: 'not_found', message: `No open posting "${slug}". GET /api/postings lists the open ones.` },
      { status: 404, headers: { ...PUBLIC_API_HEADERS, 'Cache-Control': 'public, max-age=60' } },
    );
  }
  return Response.json(posting, { headers: PUBLIC_API_HEADERS });
}
