import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// The admin:* scripts as an operator runs them, each against a database of its own.
function run(script: string, args: string[], input: string, dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'careers.db')}` },
  });
}

test('admin:create refuses a piped password of two lines, an empty one and one with control characters', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [input, message] of [
    ['long enough password\nlong enough password\n', /must be one line/],
    ['\n', /The password is empty/],
    ['long enough\u0007password\n', /must be one line/],
  ] as const) {
    const result = run('admin-create', ['--email', 'ops@example.com'], input, dir);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, message);
  }
  assert.match(run('admin-list', [], '', dir).stdout, /No admin accounts/);
  // One line, with the line break a pipe adds, is the password itself.
  const created = run('admin-create', ['--email', 'ops@example.com'], 'long enough password\n', dir);
  assert.equal(created.status, 0, created.stderr);
  assert.match(run('admin-list', [], '', dir).stdout, /ops@example\.com\tcreated/);
});
