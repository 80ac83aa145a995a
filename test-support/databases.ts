import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '@/db/database';

// The data-layer tests run on both databases. SQLite always; PostgreSQL when TEST_POSTGRES_URL names a
// server (`npm test` starts one, scripts/test/postgres.ts). TEST_REQUIRE_POSTGRES=1 turns its absence into
// a failure, so a run that should cover PostgreSQL cannot quietly skip it.

export type Dialect = 'sqlite' | 'postgres';

export function testDialects(): Dialect[] {
  if (process.env.TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  if (process.env.TEST_REQUIRE_POSTGRES) throw new Error('TEST_REQUIRE_POSTGRES is set but TEST_POSTGRES_URL is not');
  return ['sqlite'];
}

/** A new, migrated, empty database of the dialect, removed when the test (or suite) ends. */
export async function freshDatabase(
  dialect: Dialect,
  t: { after: (cleanup: () => Promise<void>) => unknown },
): Promise<Database> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-db-'));
    const database = await openDatabase({ dialect: 'sqlite', file: path.join(dir, 'careers.db') });
    t.after(async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return database;
  }
  const server = process.env.TEST_POSTGRES_URL!;
  const name = `careers_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dialect: 'postgres', url: url.toString() });
  t.after(async () => {
    await database.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  });
  return database;
}

/**
 * For a database shared by the tests of one describe block: pass it to freshDatabase in the block's `before`,
 * and the database is removed after the block's last test. Call it in the describe callback.
 */
export function afterSuite(): { after: (cleanup: () => Promise<void>) => void } {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  return { after: (cleanup) => void cleanups.push(cleanup) };
}
