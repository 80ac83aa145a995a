import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { privateFile, privateFolder } from './private-files';

/** Whether another process can take the database's write lock right now (no waiting). */
function anotherProcessCanWrite(file: string): boolean {
  const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(file)}, { timeout: 0 });
    try { db.exec('BEGIN IMMEDIATE'); db.exec('ROLLBACK'); process.stdout.write('wrote'); } catch { process.stdout.write('busy'); }`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout === 'wrote';
}

test('narrowing the files of a database in use keeps its locks: the write lock still keeps other processes out', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-locks-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'careers.db');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x)');
  db.exec('BEGIN IMMEDIATE');
  db.exec('INSERT INTO t VALUES (1)');
  assert.equal(anotherProcessCanWrite(file), false);
  // Opening and closing a descriptor of the file here would drop this process's locks on it.
  for (const suffix of ['', '-shm']) privateFile(file + suffix);
  assert.equal(anotherProcessCanWrite(file), false, 'the lock survived');
  for (const suffix of ['', '-shm']) assert.equal((fs.statSync(file + suffix).mode & 0o777).toString(8), '600');
  db.exec('COMMIT');
  db.close();
});

test('a missing file is created empty with mode 0600, a missing folder with 0700', (t) => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'careers-private-')), 'a', 'b');
  t.after(() => fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));
  privateFolder(dir);
  privateFile(path.join(dir, 'key'));
  assert.equal((fs.statSync(dir).mode & 0o777).toString(8), '700');
  assert.equal((fs.statSync(path.join(dir, 'key')).mode & 0o777).toString(8), '600');
  assert.equal(fs.readFileSync(path.join(dir, 'key'), 'utf8'), '');
});
