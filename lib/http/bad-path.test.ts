import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badPath } from './bad-path';

test('a path whose percent-encoding is not UTF-8 is refused; others pass', () => {
  for (const path of ['/careers/%ff', '/admin/join/%C0%AF', '/api/postings/%e2%82', '/x/%'])
    assert.equal(badPath(path)?.status, 400, path);
  for (const path of ['/careers/senior-backend', '/careers/%C3%A9t%C3%A9', '/'])
    assert.equal(badPath(path), null, path);
});
