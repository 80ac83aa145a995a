// The page a DOCX resume is shown in (inside an `<iframe sandbox="">` on the detail page). The policy makes it
// sandboxed even when opened on its own: no scripts, no origin, nothing loaded but inline images.
export const DOCX_PREVIEW_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

const STYLE = `body { margin: 0; padding: 1.25rem 1.5rem; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a;
  background: #fff; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
td, th { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; }
span[data-href]::after { content: " (" attr(data-href) ")"; color: #444; }`;

/** `body` is trusted HTML: sanitised resume content, or one of the messages below. */
export function docxPreviewDocument(body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Resume preview</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

export const DOCX_PREVIEW_MESSAGES = {
  'too-large': '<p>This Word document is too large to preview. Download it to read it.</p>',
  unreadable: '<p>This Word document could not be read for the preview. Download it to read it.</p>',
  'not-docx': '<p>Only Word (.docx) resumes are previewed here. Download it to read it.</p>',
} as const;
