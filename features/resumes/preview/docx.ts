import 'server-only';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import mammoth from 'mammoth';
import { sanitizeResumeHtml } from './sanitize';

// How much a DOCX may unpack to before the preview gives up: a resume of text and a few photos is far
// below; a zip bomb (10 MB unpacking to gigabytes) is far above.
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

export type DocxPreview = { ok: true; html: string } | { ok: false; reason: 'too-large' | 'unreadable' };

/**
 * The archive's entries, unpacked into buffers of the sizes its directory declares (fflate never writes
 * past them, so a header that lies truncates the entry rather than using more memory); null when the
 * declared sizes are too large, or when it is no zip.
 */
function unpack(bytes: Uint8Array): Unzipped | 'too-large' | null {
  let total = 0;
  let entries = 0;
  let tooLarge = false;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        tooLarge ||= ++entries > MAX_ENTRIES || total > MAX_UNPACKED_BYTES;
        return !tooLarge;
      },
    });
    return tooLarge ? 'too-large' : files;
  } catch {
    return null;
  }
}

/** A DOCX resume as sanitised HTML (the body's content only), or why it cannot be shown. */
export async function docxToSafeHtml(bytes: Uint8Array): Promise<DocxPreview> {
  const files = unpack(bytes);
  if (files === 'too-large') return { ok: false, reason: 'too-large' };
  if (!files) return { ok: false, reason: 'unreadable' };
  try {
    // mammoth reads the checked entries, stored without compression: it never sees the original archive.
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(zipSync(files, { level: 0 })) },
      // Linked (not embedded) images would be read from this server's disk: never.
      { externalFileAccess: false },
    );
    return { ok: true, html: sanitizeResumeHtml(value) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
