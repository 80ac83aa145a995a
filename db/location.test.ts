import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { databaseLocation, databaseUrlFrom } from './location';

describe('databaseLocation', () => {
  it('reads a SQLite file relative to the project, or a PostgreSQL URL', () => {
    assert.deepEqual(databaseLocation('file:data/x.db'), { dialect: 'sqlite', file: path.resolve('data/x.db') });
    assert.deepEqual(databaseLocation('postgresql://u@h/db'), { dialect: 'postgres', url: 'postgresql://u@h/db' });
  });

  it('names the forms it takes when given something else', () => {
    assert.throws(() => databaseLocation('mysql://h/db'), /file URL such as file:\.\/data\/careers\.db/);
    assert.throws(() => databaseLocation('file:'), /names no file/);
  });
});

describe('databaseUrlFrom (a command line --db)', () => {
  it('takes a plain path as a SQLite file and leaves URLs alone', () => {
    assert.equal(databaseUrlFrom('data/bench.db'), 'file:data/bench.db');
    assert.equal(databaseUrlFrom('/tmp/bench.db'), 'file:/tmp/bench.db');
    assert.equal(databaseUrlFrom('file:data/bench.db'), 'file:data/bench.db');
    assert.equal(databaseUrlFrom('postgres://u@h/db'), 'postgres://u@h/db');
  });
});
