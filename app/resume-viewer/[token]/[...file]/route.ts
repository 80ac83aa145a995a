import fs from 'node:fs';
import { Readable } from 'node:stream';
import { VIEWER_ASSET_TOKEN, viewerAsset } from '@/features/resumes/viewer/assets';

// pdf.js and the preview frame's script. The frame has an opaque origin, so its module loads are
// cross-origin requests: these public files answer any origin (they carry no data and no cookies are read).
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; file: string[] }> }) {
  const { token, file } = await params;
  const asset = token === VIEWER_ASSET_TOKEN ? viewerAsset(file.join('/')) : null;
  if (!asset) return new Response('Not found', { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } });
  const { size } = await fs.promises.stat(asset.file);
  const body = Readable.toWeb(fs.createReadStream(asset.file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': asset.type,
      'Content-Length': String(size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
}
