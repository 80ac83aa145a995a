import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/limits';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole tree beside the build (tsc --noEmit); the e2e build it makes skips Next's
  // second pass over the same files. Every other build checks.
  typescript: { ignoreBuildErrors: process.env.E2E_BUILD === '1' },
  // Next hashes the whole page in JavaScript on every request to make an ETag: the largest single cost of the
  // posting page on the server (CPU profile; 850 → 1,400 req/s without it, side by side). A returning visitor
  // downloads the page again (about 10 KB compressed) instead of getting a 304.
  generateEtags: false,
  async headers() {
    // Every response, static pages and files included, but the resume routes and the resume preview frame's
    // document, which set stricter policies of their own (a config header would replace them), and the embed,
    // which sites in EMBED_ORIGINS may frame: a setting of the running server, so proxy.ts sends its headers.
    const headers = securityHeaders({ dev: process.env.NODE_ENV === 'development' });
    return [
      {
        source:
          '/((?!admin/applications/[^/]+/resume(?:/preview)?$|api/v1/applications/[^/]+/resume$|resume-viewer$|embed/).*)',
        headers,
      },
    ];
  },
  experimental: {
    serverActions: {
      // A 10 MB resume plus the text fields; server.ts refuses anything larger before it is read.
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES,
    },
    // The proxy buffers request bodies up to this size (10 MB by default) and truncates the rest, which
    // would corrupt a resume near the limit; server.ts refuses anything larger first.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES + 64 * 1024,
  },
};

export default nextConfig;
