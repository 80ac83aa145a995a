import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, SafeHtml } from './html';
import { messageHtml } from './message-page';

test('every value put into a page written outside React is escaped', () => {
  const path = '/careers/x"><script>alert(1)</script>';
  const page = messageHtml('Refused', html`<p><a href="${path}#apply">back</a> ${'<b>'}</p>`);
  assert.ok(page.includes('href="/careers/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;#apply"'));
  assert.ok(!page.includes('<script>'));
  assert.ok(page.includes('&lt;b&gt;'));
});

test('html we wrote ourselves passes through once, not escaped twice', () => {
  const link = html`<a href="${'/a&b'}">x</a>`;
  assert.equal(html`<p>${link}</p>`.value, '<p><a href="/a&amp;b">x</a></p>');
  assert.equal(html`${new SafeHtml('<i>ok</i>')}`.value, '<i>ok</i>');
});
