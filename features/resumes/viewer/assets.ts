import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The files the resume preview frame loads: pdf.js (from node_modules, never from the internet) and the
// frame's own script. A fixed list: the route serves these and nothing else.

const root = process.cwd();
const pdfjs = path.join(root, 'node_modules', 'pdfjs-dist');
const FRAME_SCRIPT = path.join(root, 'features', 'resumes', 'viewer', 'frame.mjs');

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

function folder(name: string, pattern: RegExp): [string, string][] {
  return fs
    .readdirSync(path.join(pdfjs, name))
    .filter((file) => pattern.test(file))
    .map((file) => [`${name}/${file}`, path.join(pdfjs, name, file)]);
}

const FILES = new Map<string, string>([
  ['frame.mjs', FRAME_SCRIPT],
  ['pdf.min.mjs', path.join(pdfjs, 'build', 'pdf.min.mjs')],
  ['pdf.worker.min.mjs', path.join(pdfjs, 'build', 'pdf.worker.min.mjs')],
  // Fonts a PDF names without embedding them, and character maps for CJK text.
  ...folder('standard_fonts', /^[A-Za-z-]+\.(pfb|ttf)$/),
  ...folder('cmaps', /^[A-Za-z0-9-]+\.bcmap$/),
]);

/**
 * The URL folder the files are served under: pdf.js's version and a digest of the frame's script, so each
 * file can be cached for good, and a new release is a new URL.
 */
export const VIEWER_ASSET_TOKEN = (() => {
  const { version } = JSON.parse(fs.readFileSync(path.join(pdfjs, 'package.json'), 'utf8')) as { version: string };
  const digest = crypto.createHash('sha256').update(fs.readFileSync(FRAME_SCRIPT)).digest('hex').slice(0, 12);
  return `${version.replace(/[^0-9.]/g, '')}-${digest}`;
})();

export const VIEWER_ASSET_BASE = `/resume-viewer/${VIEWER_ASSET_TOKEN}/`;

/** The file and its type for a name in the list, else null. */
export function viewerAsset(name: string): { file: string; type: string } | null {
  const file = FILES.get(name);
  const type = TYPES[path.extname(name)];
  return file && type ? { file, type } : null;
}
