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

const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A well-formed PDF from its objects (object 1 is the catalog), with a correct cross-reference table. */
function assemblePdf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A real PDF (readable by pdf.js) with one page per string, each line of it written in Helvetica.
 * `catalog` adds entries to the document catalog (an /OpenAction, say); `annotations` to every page.
 */
export function textPdf(pages: string[], { catalog = '', annotations = '', trailer = '' } = {}): Buffer {
  const firstPage = 4;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalog} >>`,
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, text] of pages.entries()) {
    const lines = text.split('\n').map((line, n) => `BT /F1 18 Tf 72 ${720 - 28 * n} Td ${pdfString(line)} Tj ET`);
    const content = lines.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> ` +
        `/Contents ${firstPage + 2 * i + 1} 0 R ${annotations} >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  }
  return assemblePdf(objects, trailer);
}

/**
 * A PDF whose opening action is JavaScript that alerts and asks for `url`, with a link to `url` over the
 * page: a viewer that runs PDF scripts or follows actions by itself would show a dialog or make a request.
 */
export function scriptedPdf(url: string, text = 'A resume with a script in it'): Buffer {
  const script = `app.alert("pdf script ran"); app.launchURL("${url}", true); this.submitForm("${url}");`;
  return textPdf([text], {
    catalog:
      `/OpenAction << /S /JavaScript /JS ${pdfString(script)} >> ` +
      `/AA << /WC << /S /JavaScript /JS ${pdfString(script)} >> >>`,
    annotations: `/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 612 792] /A << /S /URI /URI ${pdfString(url)} >> >>]`,
  });
}

/**
 * A PDF that asks for a password: its standard security handler matches neither the empty user password
 * nor any owner password, so no viewer opens it without one.
 */
export function passwordPdf(): Buffer {
  const key = `<${'ab'.repeat(32)}>`;
  const id = `<${'0123456789abcdef'.repeat(2)}>`;
  return textPdf(['Locked'], {
    trailer: `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${key} /U ${key} /P -4 >> /ID [${id} ${id}]`,
  });
}
