import { strToU8, zipSync } from 'fflate';

// The smallest Word documents mammoth reads, for tests: paragraphs of text (escaped as Word would store
// them), optionally an image linked from the web, an embedded image and a hyperlink.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function picture(blip: string, name: string) {
  return (
    `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
    `<wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="${name}" descr="${name}"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip ${blip}/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>` +
    `</wp:inline></w:drawing></w:r>`
  );
}

export function docx({
  paragraphs,
  remoteImage,
  embeddedImage = false,
  link,
}: {
  paragraphs: string[];
  remoteImage?: string;
  embeddedImage?: boolean;
  link?: { text: string; url: string };
}): Buffer {
  const rels: string[] = [];
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`);
  if (remoteImage) {
    rels.push(`<Relationship Id="rIdRemote" Type="${REL}/image" Target="${xml(remoteImage)}" TargetMode="External"/>`);
    body.push(`<w:p>${picture('r:link="rIdRemote"', 'remote')}</w:p>`);
  }
  if (embeddedImage) {
    rels.push(`<Relationship Id="rIdPng" Type="${REL}/image" Target="media/dot.png"/>`);
    body.push(`<w:p>${picture('r:embed="rIdPng"', 'embedded')}</w:p>`);
  }
  if (link) {
    rels.push(`<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="${xml(link.url)}" TargetMode="External"/>`);
    body.push(`<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>${xml(link.text)}</w:t></w:r></w:hyperlink></w:p>`);
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
  };
  if (embeddedImage) files['word/media/dot.png'] = TINY_PNG;
  return Buffer.from(zipSync(files));
}
