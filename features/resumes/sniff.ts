import { CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from '@/features/apply/text-rules';

export type ResumeKind = { kind: 'pdf' | 'docx'; mediaType: string; extension: string };

/** What the candidate is told when the file is neither, in the browser and by the server alike. */
export const RESUME_TYPE_MESSAGE = 'The resume must be a PDF or a Word (.docx) document';

/** The media types resumes are stored with (decided by {@link sniffResume}). */
export const RESUME_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const PDF: ResumeKind = { kind: 'pdf', mediaType: RESUME_MEDIA_TYPES.pdf, extension: 'pdf' };
const DOCX: ResumeKind = { kind: 'docx', mediaType: RESUME_MEDIA_TYPES.docx, extension: 'docx' };

const startsWith = (bytes: Uint8Array, ascii: string) => [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * A quick look at the first bytes, cheap enough for the browser: `%PDF-` or a zip header.
 * The server decides with {@link sniffResume}, which reads the whole file.
 */
export function looksLikeResume(head: Uint8Array): boolean {
  return startsWith(head, '%PDF-') || startsWith(head, 'PK\u0003\u0004');
}

/**
 * Identifies a resume by its bytes, never by its name or the browser's MIME type. A DOCX is a zip whose
 * central directory lists `[Content_Types].xml` and `word/document.xml`; nothing is decompressed, so a
 * zip bomb costs no more than its size.
 */
export function sniffResume(bytes: Uint8Array): ResumeKind | null {
  if (startsWith(bytes, '%PDF-')) return PDF;
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const names = zipEntryNames(bytes);
    if (names?.has('[Content_Types].xml') && names.has('word/document.xml')) return DOCX;
  }
  return null;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/** Reads entry names from a zip's central directory, or null when the structure is not a valid zip. */
export function zipEntryNames(bytes: Uint8Array, limit = 10_000): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 bytes plus up to 64 KB of comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count > limit) return null;
  const names = new Set<string>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.add(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A download-safe file name: no path, no control or direction characters, the extension the bytes earned. */
export function safeResumeFileName(original: string, kind: ResumeKind): string {
  const stem = original
    .split(/[\\/]/)
    .pop()!
    .replace(new RegExp(CONTROL_OR_LINE_BREAK.source, 'g'), '')
    .replace(new RegExp(DIRECTION_CONTROL.source, 'g'), '')
    .replace(/["<>:|?*]/g, '')
    .replace(/\.[^.]*$/, '')
    .trim();
  // Cut by code point, so an emoji is never split in half.
  const base = Array.from(stem).slice(0, 100).join('').trim();
  return `${base || 'resume'}.${kind.extension}`;
}

/**
 * A name that claims the other resume format (a PDF named `.docx`, a Word file named `.pdf`) is refused
 * rather than quietly renamed: it is a sign of a tampered or mixed-up file. Other names are judged by bytes.
 */
export function nameContradictsKind(name: string, kind: ResumeKind): string | null {
  const extension = /\.([^.]*)$/.exec(name)?.[1]?.toLowerCase();
  if ((extension === 'pdf' || extension === 'docx') && extension !== kind.extension) {
    const actual = kind.kind === 'pdf' ? 'a PDF' : 'a Word (.docx) document';
    return `The resume is named .${extension} but is ${actual}; rename it to end in .${kind.extension} and choose it again`;
  }
  return null;
}
