import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badPath, pathnameOf } from './bad-path';

test('a path whose percent-encoding is not UTF-8 is refused; others pass', () => {
  for (const path of ['/careers/%ff', '/admin/join/%C0%AF', '/api/postings/%e2%82', '/x/%'])
    assert.equal(badPath(path)?.status, 400, path);
  for (const path of ['/careers/senior-backend', '/careers/%C3%A9t%C3%A9', '/'])
    assert.equal(badPath(path), null, path);
});

test('a target that is no URL has no path and is refused, instead of throwing', () => {
  assert.equal(pathnameOf('/careers/x?q=1'), '/careers/x');
  assert.equal(pathnameOf(undefined), '/');
  for (const target of ['//a:b', '//[', '//x:99999/']) {
    assert.equal(pathnameOf(target), null, target);
  }
  assert.equal(badPath(null)?.status, 400);
});
