import 'server-only';
import { VIEWER_ASSET_BASE } from './assets';

/** app/resume-viewer/route.ts; next.config.ts leaves its headers to it. */
export const VIEWER_URL = '/resume-viewer';

// The document inside the resume preview frame. The `sandbox allow-scripts` directive makes it sandboxed
// even when opened on its own; scripts come only from the pdf.js folder, and it may fetch only from there
// (pdf.js's fonts and character maps). No connection to the site, no forms, no frames, no plugins.
export const VIEWER_POLICY = [
  'sandbox allow-scripts',
  "default-src 'none'",
  `script-src 'self'`,
  `connect-src 'self'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export const VIEWER_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': VIEWER_POLICY,
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export const VIEWER_DOCUMENT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Resume preview</title>
<style>
  html, body { margin: 0; height: 100%; background: #e8e8e8; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; }
  #viewport { box-sizing: border-box; height: 100%; overflow: auto; padding: 16px; }
  #viewport:focus-visible { outline: 3px solid #1d4ed8; outline-offset: -3px; }
  #status:empty { display: none; }
  #sheet { position: relative; margin: 0 auto; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    --scale-round-x: 1px; --scale-round-y: 1px; }
  #sheet:empty { display: none; }
  #sheet canvas { display: block; }
  /* pdf.js's text layer (from its pdf_viewer.css): transparent text placed over the canvas, to select. */
  .textLayer { position: absolute; text-align: initial; inset: 0; overflow: clip; opacity: 1; line-height: 1;
    text-size-adjust: none; forced-color-adjust: none; transform-origin: 0 0; caret-color: CanvasText; z-index: 0;
    --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size));
    --min-font-size-inv: calc(1 / var(--min-font-size)); }
  .textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text;
    transform-origin: 0% 0%; }
  .textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1;
    --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg;
    transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
  .textLayer .markedContent { display: contents; }
  .textLayer ::selection { background: rgb(0 0 255 / 0.25); }
  .textLayer br::selection { background: transparent; }
  .textLayer .endOfContent { display: block; position: absolute; inset: 100% 0 0; z-index: 0; cursor: default;
    user-select: none; }
  .textLayer.selecting .endOfContent { top: 0; }
</style>
<script type="module" src="${VIEWER_ASSET_BASE}frame.mjs"></script>
</head>
<body>
<main id="viewport" tabindex="0" aria-label="Resume">
<p id="status">Loading the preview…</p>
<noscript><p>The preview needs JavaScript. Download the resume to read it.</p></noscript>
<div id="sheet" role="document"></div>
</main>
</body>
</html>
`;
