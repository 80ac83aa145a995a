import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { zipArchive } from '@/test-support/zip';
import {
  looksLikeResume,
  nameContradictsKind,
  safeResumeFileName,
  sniffResume,
  zipEntryNames,
  type ResumeKind,
} from './sniff';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

const zip = (entries: Record<string, string>) => new Uint8Array(zipArchive(entries));

const DOCX_ENTRIES = {
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
  'word/document.xml':
    '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Ada</w:t></w:r></w:p></w:body></w:document>',
};
const PDF_BYTES = ascii(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PDF: ResumeKind = sniffResume(PDF_BYTES)!;

describe('sniffResume', () => {
  test('a PDF is recognised by its header', () => {
    assert.deepEqual(PDF, { kind: 'pdf', mediaType: 'application/pdf', extension: 'pdf' });
  });

  test('a DOCX is recognised by the entries of its zip', () => {
    assert.deepEqual(sniffResume(zip(DOCX_ENTRIES)), {
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    });
  });

  test('works on a view into a larger buffer', () => {
    const docx = zip(DOCX_ENTRIES);
    const larger = new Uint8Array(docx.length + 16);
    larger.set(docx, 16);
    assert.equal(sniffResume(larger.subarray(16))?.kind, 'docx');
  });

  test('a zip that is not a Word document is refused', () => {
    assert.equal(sniffResume(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' })), null);
    assert.equal(sniffResume(zip({ 'word/document.xml': '<w:document/>' })), null);
    assert.equal(sniffResume(zip({ 'payload.exe': 'MZ' })), null);
  });

  for (const [label, bytes] of [
    ['HTML', ascii('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['an EXE', ascii('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff')],
    ['a PDF header that does not start the file', ascii(' %PDF-1.7\n')],
    ['empty input', new Uint8Array(0)],
  ] as const) {
    test(`${label} is refused`, () => {
      assert.equal(sniffResume(bytes), null);
    });
  }

  test('a truncated or corrupt zip is refused without throwing', () => {
    const docx = zip(DOCX_ENTRIES);
    const corruptOffset = new Uint8Array(docx);
    new DataView(corruptOffset.buffer).setUint32(corruptOffset.length - 6, 0xfffffff0, true);
    const garbage = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    garbage.set(ascii('PK\x03\x04'), 0);
    garbage.set(ascii('PK\x05\x06'), 4000); // an end record that points at nonsense
    for (const bytes of [
      ascii('PK\x03\x04'),
      docx.subarray(0, 40),
      docx.subarray(0, docx.length - 30),
      corruptOffset,
      garbage,
    ]) {
      assert.doesNotThrow(() => assert.equal(sniffResume(bytes), null));
    }
  });
});

describe('zipEntryNames', () => {
  test('lists the names in the central directory', () => {
    assert.deepEqual([...zipEntryNames(zip(DOCX_ENTRIES))!].sort(), Object.keys(DOCX_ENTRIES).sort());
  });

  test('is null for something that is not a zip', () => {
    assert.equal(zipEntryNames(PDF_BYTES), null);
    assert.equal(zipEntryNames(new Uint8Array(10)), null);
  });

  test('gives up on archives with more entries than the limit', () => {
    assert.equal(zipEntryNames(zip(DOCX_ENTRIES), 2), null);
  });
});

describe('looksLikeResume', () => {
  test('accepts the first bytes of a PDF or a zip and nothing else', () => {
    assert.equal(looksLikeResume(PDF_BYTES.subarray(0, 8)), true);
    assert.equal(looksLikeResume(zip(DOCX_ENTRIES).subarray(0, 8)), true);
    assert.equal(looksLikeResume(ascii('<html>')), false);
    assert.equal(looksLikeResume(new Uint8Array(0)), false);
  });
});

describe('safeResumeFileName', () => {
  test('drops any directory, Unix or Windows', () => {
    assert.equal(safeResumeFileName('../../etc/passwd.pdf', PDF), 'passwd.pdf');
    assert.equal(safeResumeFileName('C:\\Users\\ada\\Documents\\cv.pdf', PDF), 'cv.pdf');
  });

  test('uses the extension the bytes earned, not the one in the name', () => {
    assert.equal(safeResumeFileName('cv.docx', PDF), 'cv.pdf');
    assert.equal(safeResumeFileName('my.cv.final.exe', PDF), 'my.cv.final.pdf');
    assert.equal(safeResumeFileName('cv.pdf', sniffResume(zip(DOCX_ENTRIES))!), 'cv.docx');
  });

  test('strips control and text-direction characters', () => {
    assert.equal(safeResumeFileName('cv\u202Efdp.exe', PDF), 'cvfdp.pdf');
    assert.equal(safeResumeFileName('a\u0000b\u001fc\u007f\u2066d.pdf', PDF), 'abcd.pdf');
    assert.equal(safeResumeFileName('say "hi" <now>.pdf', PDF), 'say hi now.pdf');
  });

  test('caps the length', () => {
    const name = safeResumeFileName(`${'a'.repeat(300)}.pdf`, PDF);
    assert.equal(name, `${'a'.repeat(100)}.pdf`);
  });

  test('falls back to "resume" when nothing usable is left', () => {
    assert.equal(safeResumeFileName('', PDF), 'resume.pdf');
    assert.equal(safeResumeFileName('.pdf', PDF), 'resume.pdf');
    assert.equal(safeResumeFileName('\u202E\u0000.docx', PDF), 'resume.pdf');
  });

  test('caps the length without cutting a character in half', () => {
    const name = safeResumeFileName(`${'a'.repeat(99)}😀.pdf`, PDF);
    assert.ok(name.isWellFormed(), JSON.stringify(name));
  });
});

describe('nameContradictsKind', () => {
  const pdf = sniffResume(Buffer.from('%PDF-1.7\n'))!;
  test('a PDF named .docx is refused, a PDF named .pdf or without a known extension is not', () => {
    assert.match(nameContradictsKind('cv.DOCX', pdf)!, /named \.docx but is a PDF/);
    assert.equal(nameContradictsKind('cv.pdf', pdf), null);
    assert.equal(nameContradictsKind('cv', pdf), null);
    assert.equal(nameContradictsKind('cv.txt', pdf), null);
  });
});
