import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sanitizeResumeHtml } from './sanitize';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('sanitizeResumeHtml', () => {
  test('keeps the structure of a resume', () => {
    const html =
      '<h1>Ada</h1><p><strong>Engineer</strong> <em>since</em> 2020</p><ul><li>One</li></ul>' +
      '<table><tr><td colspan="2">Cell</td></tr></table>';
    assert.equal(sanitizeResumeHtml(html), html);
  });

  test('drops scripts, styles, frames and forms with their content', () => {
    const out = sanitizeResumeHtml(
      '<p>a</p><script>alert(1)</script><style>body{background:url(http://x/)}</style>' +
        '<iframe src="http://x/"></iframe><object data="http://x/"></object><form action="http://x/"><input></form>' +
        '<template><img src=x></template><noscript><img src="http://x/"></noscript><svg><script>alert(1)</script></svg>',
    );
    assert.equal(out, '<p>a</p>');
  });

  test('drops every event handler, style and class attribute', () => {
    const out = sanitizeResumeHtml(
      `<p onclick="alert(1)" style="background:url(http://x/)" class="c" id="i">t</p><img src="${PNG}" onerror="alert(1)" onload="x()">`,
    );
    assert.equal(out, `<p>t</p><img src="${PNG}" />`);
  });

  test('keeps inline raster images only: no remote, protocol-relative, SVG or srcset images', () => {
    for (const src of [
      'http://127.0.0.1:9/x.png',
      'https://example.com/x.png',
      '//example.com/x.png',
      'file:///etc/passwd',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      ' javascript:alert(1)',
      'x.png',
    ]) {
      assert.equal(sanitizeResumeHtml(`<p>a</p><img src="${src}" alt="x">`), '<p>a</p>', src);
    }
    assert.equal(sanitizeResumeHtml(`<img src="${PNG}" srcset="http://x/ 2x">`), `<img src="${PNG}" />`);
  });

  test('links become text that shows their address, and navigate nowhere', () => {
    assert.equal(
      sanitizeResumeHtml('<a href="https://example.com/me" target="_top">me</a>'),
      '<span data-href="https://example.com/me">me</span>',
    );
    assert.equal(sanitizeResumeHtml('<a href="javascript:alert(1)">x</a>'), '<span>x</span>');
    assert.equal(sanitizeResumeHtml('<a href="#footnote-1" id="ref">1</a>'), '<span>1</span>');
  });

  test('leaves no markup in text: escaped tags stay text', () => {
    const out = sanitizeResumeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>');
    assert.equal(out, '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('unclosed, nested and malformed markup cannot smuggle a tag through', () => {
    for (const html of [
      '<scr<script>ipt>alert(1)</script>',
      '<img src=x onerror=alert(1)//',
      '<p><svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg></p>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<base href="http://x/"><link rel="stylesheet" href="http://x/"><meta http-equiv="refresh" content="0;url=http://x/">',
    ]) {
      const out = sanitizeResumeHtml(html);
      assert.doesNotMatch(out, /<(script|img|svg|a|base|link|meta|style|math)\b|on\w+=|javascript:|http:/i, html);
    }
  });
});
