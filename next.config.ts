import type { NextConfig } from 'next';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/limits';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // A 10 MB resume plus the text fields; anything larger is refused with a clear 413 page by proxy.ts.
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES,
    },
    // The proxy buffers request bodies up to this size (10 MB by default) and truncates the rest, which
    // would corrupt a resume near the limit; proxy.ts answers anything larger with a 413 page first.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES + 64 * 1024,
  },
};

export default nextConfig;
