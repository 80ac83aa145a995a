/**
 * The smallest file the server accepts as a PDF (it is identified by its bytes, never its name), for tests,
 * the crash test and the benchmark. `marker` makes it unique (distinct SHA-256); `padding` makes it bigger:
 * a number of spaces, or bytes of its own.
 */
export function minimalPdf(marker = '', padding: number | string | Buffer = 0): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${marker}\n1 0 obj <<>> endobj\n`);
  const tail = typeof padding === 'number' ? Buffer.alloc(padding, 0x20) : Buffer.from(padding);
  return Buffer.concat([head, tail]);
}
