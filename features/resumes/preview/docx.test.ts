import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { docx } from '@/test-support/docx';
import { docxToSafeHtml } from './docx';

describe('docxToSafeHtml', () => {
  test('a Word resume becomes its text, with hostile text kept as text', async () => {
    const preview = await docxToSafeHtml(
      docx({ paragraphs: ['Ada Lovelace', '<script>alert(1)</script><img src=x onerror=alert(1)>'] }),
    );
    assert.ok(preview.ok);
    assert.equal(
      preview.html,
      '<p>Ada Lovelace</p><p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  test('an embedded image stays inline; a linked one, and the link, load nothing', async () => {
    const preview = await docxToSafeHtml(
      docx({
        paragraphs: ['Photo'],
        remoteImage: 'http://127.0.0.1:9/remote.png',
        embeddedImage: true,
        link: { text: 'portfolio', url: 'https://example.com/me' },
      }),
    );
    assert.ok(preview.ok);
    assert.match(preview.html, /<img alt="embedded" src="data:image\/png;base64,[^"]+" \/>/);
    assert.equal(preview.html.match(/<img/g)?.length, 1);
    assert.doesNotMatch(preview.html, /127\.0\.0\.1|remote\.png/);
    assert.match(preview.html, /<span data-href="https:\/\/example.com\/me">portfolio<\/span>/);
  });

  test('what is no Word document, or a damaged one, is unreadable, not an error', async () => {
    assert.deepEqual(await docxToSafeHtml(Buffer.from('not a zip')), { ok: false, reason: 'unreadable' });
    const broken = docx({ paragraphs: ['x'] });
    assert.deepEqual(await docxToSafeHtml(broken.subarray(0, broken.length - 40)), {
      ok: false,
      reason: 'unreadable',
    });
    const noDocument = zipSync({ '[Content_Types].xml': new Uint8Array(10) });
    assert.deepEqual(await docxToSafeHtml(noDocument), { ok: false, reason: 'unreadable' });
  });

  test('an archive that unpacks to more than the limit is refused before it is unpacked', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(70 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 200_000);
    assert.deepEqual(await docxToSafeHtml(bomb), { ok: false, reason: 'too-large' });
  });
});
