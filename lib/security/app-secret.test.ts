import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// Each process reads the key afresh, as the server, the scripts and a second instance do.
function keyFromNewProcess(dir: string): Promise<{ code: number | null; out: string; err: string }> {
  const script =
    "import { appSecret } from '@/lib/security/app-secret'; process.stdout.write(appSecret().toString('hex'));";
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      env: { ...process.env, APP_SECRET: '', DATABASE_URL: `file:${path.join(dir, 'careers.db')}` },
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

test('processes starting together all get the one key, kept in a file only this user can read', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-key-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const results = await Promise.all(Array.from({ length: 4 }, () => keyFromNewProcess(dir)));
  for (const result of results) assert.equal(result.code, 0, result.err);
  assert.equal(new Set(results.map((r) => r.out)).size, 1);
  assert.match(results[0]!.out, /^[0-9a-f]{64}$/);
  const file = path.join(dir, 'app-secret.key');
  assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
  assert.deepEqual(fs.readdirSync(dir), ['app-secret.key'], 'no draft files are left behind');
});

test('a key file cut short stops the process with a way out, rather than signing with a weak key', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-key-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'app-secret.key'), 'abc123');
  const result = await keyFromNewProcess(dir);
  assert.notEqual(result.code, 0);
  assert.match(result.err, /does not hold a 32-byte key .*delete it and restart/);
});
